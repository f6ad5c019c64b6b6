using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kubernetes.Models;
using Router.Options;

namespace Router.Routing;

/// <summary>Per-Ingress choices read from annotations (ours, and Skipper's keys where they mean the same).</summary>
public sealed record IngressSettings(LoadBalancing LoadBalancing, bool RedirectToHttps, TimeSpan? Timeout)
{
    public const string LoadBalancerAnnotation = "aws-integrations.io/load-balancer";
    public const string SkipperLoadBalancerAnnotation = "zalando.org/skipper-loadbalancer";
    public const string RedirectAnnotation = "aws-integrations.io/redirect-to-https";
    public const string SkipperRedirectAnnotation = "zalando.org/skipper-ingress-redirect";
    public const string TimeoutAnnotation = "aws-integrations.io/backend-timeout";

    /// <summary>Reads the annotations; a bad value is reported and the default is used.</summary>
    public static IngressSettings Read(Ingress ingress, LoadBalancing defaultLoadBalancing, List<BuildProblem> problems)
    {
        var meta = ingress.Metadata;
        var loadBalancing = defaultLoadBalancing;
        var lbKey = meta.Annotation(LoadBalancerAnnotation) is not null ? LoadBalancerAnnotation : SkipperLoadBalancerAnnotation;
        if (meta.Annotation(lbKey) is { } lbValue)
        {
            if (ParseLoadBalancing(lbValue) is { } parsed)
            {
                loadBalancing = parsed;
            }
            else
            {
                problems.Add(new(ingress, "InvalidAnnotation", $"{lbKey}: \"{lbValue}\" is not one of round-robin, power-of-two-choices, random; using the default"));
            }
        }

        var redirect = false;
        var redirectKey = meta.Annotation(RedirectAnnotation) is not null ? RedirectAnnotation : SkipperRedirectAnnotation;
        if (meta.Annotation(redirectKey) is { } redirectValue)
        {
            if (bool.TryParse(redirectValue.Trim(), out var parsed))
            {
                redirect = parsed;
            }
            else
            {
                problems.Add(new(ingress, "InvalidAnnotation", $"{redirectKey}: \"{redirectValue}\" is not true or false; not redirecting"));
            }
        }

        TimeSpan? timeout = null;
        if (meta.Annotation(TimeoutAnnotation) is { } timeoutValue)
        {
            if (GoDuration.TryParse(timeoutValue.Trim(), out var parsed) && parsed > TimeSpan.Zero)
            {
                timeout = parsed;
            }
            else
            {
                problems.Add(new(ingress, "InvalidAnnotation", $"{TimeoutAnnotation}: \"{timeoutValue}\" is not a positive duration such as 30s; using --backend-timeout"));
            }
        }

        return new(loadBalancing, redirect, timeout);
    }

    public static LoadBalancing? ParseLoadBalancing(string value) => value.Trim() switch
    {
        "round-robin" or "roundRobin" => LoadBalancing.RoundRobin,
        "power-of-two-choices" or "powerOfRandomNChoices" => LoadBalancing.PowerOfTwoChoices,
        "random" => LoadBalancing.Random,
        _ => null,
    };

    public static string Name(LoadBalancing value) => value switch
    {
        LoadBalancing.PowerOfTwoChoices => "power-of-two-choices",
        LoadBalancing.Random => "random",
        _ => "round-robin",
    };
}

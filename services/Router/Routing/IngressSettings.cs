using System.Globalization;
using AwsIntegrations.Hosting.Options;
using k8s;
using k8s.Models;
using AwsIntegrations.Router.Options;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// Per-Ingress choices read from annotations (ours, and skipper's keys where they mean the same). <see cref="RedirectCode"/>
/// is the https redirect's status for this Ingress, 0 for none.
/// </summary>
public sealed record IngressSettings(LoadBalancing LoadBalancing, int RedirectCode, TimeSpan? Timeout, PathMode PathMode)
{
    public const string LoadBalancerAnnotation = "aws-integrations.io/load-balancer";
    public const string SkipperLoadBalancerAnnotation = "zalando.org/skipper-loadbalancer";
    public const string RedirectAnnotation = "aws-integrations.io/redirect-to-https";
    public const string SkipperRedirectAnnotation = "zalando.org/skipper-ingress-redirect";
    public const string SkipperRedirectCodeAnnotation = "zalando.org/skipper-ingress-redirect-code";
    public const string TimeoutAnnotation = "aws-integrations.io/backend-timeout";
    public const string PathModeAnnotation = "zalando.org/skipper-ingress-path-mode";

    private const string ForwardedProtoPredicate = "Header(\"X-Forwarded-Proto\"";

    /// <summary>Reads the annotations; a bad value is reported and the default is used.</summary>
    public static IngressSettings Read(V1Ingress ingress, BuildSettings settings, List<BuildProblem> problems)
    {
        var loadBalancing = settings.DefaultLoadBalancing;
        var lbKey = ingress.GetAnnotation(LoadBalancerAnnotation) is not null ? LoadBalancerAnnotation : SkipperLoadBalancerAnnotation;
        if (ingress.GetAnnotation(lbKey) is { } lbValue)
        {
            if (ParseLoadBalancing(lbValue) is { } parsed)
            {
                loadBalancing = parsed;
            }
            else
            {
                problems.Add(new(ingress, "InvalidAnnotation",
                    $"{lbKey}: \"{lbValue}\" is not one of round-robin, power-of-two-choices, random, consistent-hash, least-requests " +
                    "(or skipper's roundRobin, powerOfRandomNChoices, consistentHash, leastRequests, weightedRoundRobin); using the default"));
            }
        }

        TimeSpan? timeout = null;
        if (ingress.GetAnnotation(TimeoutAnnotation) is { } timeoutValue)
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

        var pathMode = settings.PathMode;
        if (ingress.GetAnnotation(PathModeAnnotation) is { } modeValue)
        {
            if (ParsePathMode(modeValue) is { } parsed)
            {
                pathMode = parsed;
            }
            else
            {
                problems.Add(new(ingress, "InvalidAnnotation", $"{PathModeAnnotation}: \"{modeValue}\" is not one of kubernetes-ingress, path-regexp, path-prefix; using --kubernetes-path-mode"));
            }
        }

        return new(loadBalancing, Redirect(ingress, settings, problems), timeout, pathMode);
    }

    /// <summary>
    /// skipper's redirect rules (dataclients/kubernetes/redirect.go): an Ingress whose predicates or custom routes look at
    /// X-Forwarded-Proto handles the protocol itself and is never redirected; otherwise "true" redirects and "false" does not,
    /// whatever --redirect-http-to-https says; the status is the Ingress's redirect-code (300–399) or the flag's.
    /// </summary>
    private static int Redirect(V1Ingress ingress, BuildSettings settings, List<BuildProblem> problems)
    {
        var redirect = settings.RedirectHttpToHttps;
        var key = ingress.GetAnnotation(RedirectAnnotation) is not null ? RedirectAnnotation : SkipperRedirectAnnotation;
        if (ingress.GetAnnotation(key) is { } value)
        {
            if (bool.TryParse(value.Trim(), out var parsed))
            {
                redirect = parsed;
            }
            else
            {
                problems.Add(new(ingress, "InvalidAnnotation", $"{key}: \"{value}\" is not true or false; following --redirect-http-to-https"));
            }
        }

        var code = settings.RedirectCode;
        if (ingress.GetAnnotation(SkipperRedirectCodeAnnotation) is { } codeValue)
        {
            if (int.TryParse(codeValue.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 300 and < 400)
            {
                code = parsed;
            }
            else
            {
                problems.Add(new(ingress, "InvalidAnnotation", $"{SkipperRedirectCodeAnnotation}: \"{codeValue}\" is not a redirect status (300–399); using {code}"));
            }
        }

        var handlesProtocol = (ingress.GetAnnotation(SkipperAnnotations.PredicateAnnotation) ?? "").Contains(ForwardedProtoPredicate, StringComparison.Ordinal)
            || (ingress.GetAnnotation(SkipperAnnotations.RoutesAnnotation) ?? "").Contains(ForwardedProtoPredicate, StringComparison.Ordinal);
        return redirect && !handlesProtocol ? code : 0;
    }

    /// <summary>Our kebab-case names and skipper's (weightedRoundRobin takes its weights from skipper's passive health statistics; without them it is round robin).</summary>
    public static LoadBalancing? ParseLoadBalancing(string value) => value.Trim() switch
    {
        "round-robin" or "roundRobin" or "weightedRoundRobin" => LoadBalancing.RoundRobin,
        "power-of-two-choices" or "powerOfRandomNChoices" => LoadBalancing.PowerOfTwoChoices,
        "random" => LoadBalancing.Random,
        "consistent-hash" or "consistentHash" => LoadBalancing.ConsistentHash,
        "least-requests" or "leastRequests" => LoadBalancing.LeastRequests,
        _ => null,
    };

    public static PathMode? ParsePathMode(string value) => value.Trim() switch
    {
        "kubernetes-ingress" => PathMode.KubernetesIngress,
        "path-regexp" => PathMode.PathRegexp,
        "path-prefix" => PathMode.PathPrefix,
        _ => null,
    };

    public static string Name(LoadBalancing value) => FlagValueConverter.KebabCase(value.ToString());
}

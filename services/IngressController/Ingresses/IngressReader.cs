using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.Kubernetes.Events;
using k8s;
using k8s.Models;

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>
/// Reads an Ingress into an <see cref="IngressModel"/>. An annotation with a bad value is reported as a problem (with the
/// value and what is allowed) and the default is used, so one typo never takes an Ingress off its load balancer.
/// </summary>
public static class IngressReader
{
    public static IngressModel Read(V1Ingress ingress, IngressDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(defaults);
        var key = $"{ingress.Metadata.NamespaceProperty}/{ingress.Metadata.Name}";
        var problems = new List<Problem>();
        var annotations = ingress.Metadata.Annotations ?? new Dictionary<string, string>();

        var scheme = Choice(annotations, AnnotationKeys.Scheme, ["internet-facing", "internal"], defaults.Scheme, problems);
        var ipType = Choice(annotations, AnnotationKeys.IpAddressType, ["ipv4", "dualstack"], defaults.IpAddressType, problems);
        var http2 = Boolean(annotations, AnnotationKeys.Http2, defaults.Http2, problems);
        var shared = Boolean(annotations, AnnotationKeys.Shared, true, problems);
        var redirect = Redirect(annotations, defaults.Redirect, problems);
        var sslPolicy = SslPolicy(annotations, defaults.SslPolicy, problems);
        var securityGroup = SecurityGroup(annotations, problems);
        var waf = WebAcl(annotations, defaults.Waf, problems);
        var certificates = Certificates(annotations, problems);
        var type = LoadBalancerType(annotations, defaults, scheme, securityGroup is not null || First(annotations, AnnotationKeys.Waf) is not null, problems);

        var named = (ingress.Spec?.Rules ?? []).Select(r => r.Host)
            .Concat((ingress.Spec?.Tls ?? []).SelectMany(t => t.Hosts ?? []))
            .Where(h => !string.IsNullOrWhiteSpace(h))
            .Select(h => h!.Trim().TrimEnd('.').ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var hosts = defaults.ClusterLocalDomain is { } local ? named.Where(h => h != local && !h.EndsWith("." + local, StringComparison.Ordinal)).ToList() : named;
        var status = (ingress.Status?.LoadBalancer?.Ingress ?? []).Select(i => i.Hostname).OfType<string>().ToList();
        var group = type == LoadBalancerTypes.Network
            ? new GroupKey(scheme, ipType, null, sslPolicy, null, true, false, shared ? null : key, type) // what an NLB has no use for does not split groups
            : new GroupKey(scheme, ipType, securityGroup, sslPolicy, waf, http2, redirect, shared ? null : key);
        return new IngressModel(key, hosts, certificates, group, redirect, status, problems) { ClusterLocalOnly = named.Count > 0 && hosts.Count == 0 };
    }

    /// <summary>
    /// application or network. Without an annotation: --load-balancer-type, except that an internal scheme, a security group or
    /// a WAF annotation asks for an Application Load Balancer (kube-ingress-aws-controller's kubernetes/adapter.go); with
    /// "nlb" those are ignored, with a problem (an NLB takes neither).
    /// </summary>
    private static string LoadBalancerType(IDictionary<string, string> annotations, IngressDefaults defaults, string scheme, bool albOnlyAnnotations, List<Problem> problems)
    {
        var value = First(annotations, AnnotationKeys.LoadBalancerType)?.ToLowerInvariant();
        var type = value switch
        {
            null => null,
            "nlb" or LoadBalancerTypes.Network => LoadBalancerTypes.Network,
            "alb" or LoadBalancerTypes.Application => LoadBalancerTypes.Application,
            _ => Reported(Invalid(FirstKey(annotations, AnnotationKeys.LoadBalancerType)!, value, "\"nlb\" or \"alb\"", defaults.Type == LoadBalancerTypes.Network ? "nlb" : "alb"), problems, (string?)null),
        };
        if (type is null)
        {
            return defaults.Type == LoadBalancerTypes.Network && scheme != "internal" && !albOnlyAnnotations ? LoadBalancerTypes.Network : LoadBalancerTypes.Application;
        }

        if (type == LoadBalancerTypes.Network && albOnlyAnnotations)
        {
            problems.Add(new Problem("InvalidAnnotation", "a Network Load Balancer takes no security group nor WAF web ACL: those annotations are ignored"));
        }

        return type;
    }

    private static string? First(IDictionary<string, string> annotations, string[] keys) =>
        keys.Select(k => (annotations.TryGetValue(k, out var value) ? value : null)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static string? FirstKey(IDictionary<string, string> annotations, string[] keys) =>
        keys.FirstOrDefault(k => !string.IsNullOrWhiteSpace((annotations.TryGetValue(k, out var value) ? value : null)));

    private static string Choice(IDictionary<string, string> annotations, string[] keys, string[] allowed, string fallback, List<Problem> problems)
    {
        var value = First(annotations, keys);
        if (value is null)
        {
            return fallback;
        }

        if (allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return value.ToLowerInvariant();
        }

        problems.Add(Invalid(FirstKey(annotations, keys)!, value, string.Join(" or ", allowed), fallback));
        return fallback;
    }

    private static bool Boolean(IDictionary<string, string> annotations, string[] keys, bool fallback, List<Problem> problems)
    {
        var value = First(annotations, keys);
        if (value is null)
        {
            return fallback;
        }

        if (bool.TryParse(value, out var parsed))
        {
            return parsed;
        }

        problems.Add(Invalid(FirstKey(annotations, keys)!, value, "\"true\" or \"false\"", fallback ? "true" : "false"));
        return fallback;
    }

    private static bool Redirect(IDictionary<string, string> annotations, bool fallback, List<Problem> problems)
    {
        var value = First(annotations, AnnotationKeys.SslRedirect);
        return value switch
        {
            null => fallback,
            "443" => true,
            _ when bool.TryParse(value, out var parsed) => parsed,
            _ => Reported(Invalid(FirstKey(annotations, AnnotationKeys.SslRedirect)!, value, "\"443\", \"true\" or \"false\"", fallback ? "true" : "false"), problems, fallback),
        };
    }

    private static string SslPolicy(IDictionary<string, string> annotations, string fallback, List<Problem> problems)
    {
        var value = First(annotations, AnnotationKeys.SslPolicy);
        if (value is null)
        {
            return fallback;
        }

        return ElbV2SslPolicies.Predefined.Contains(value)
            ? value
            : Reported(Invalid(FirstKey(annotations, AnnotationKeys.SslPolicy)!, value, $"one of AWS's predefined security policies (e.g. {ElbV2SslPolicies.Recommended})", fallback), problems, fallback);
    }

    private static string? SecurityGroup(IDictionary<string, string> annotations, List<Problem> problems)
    {
        var value = First(annotations, AnnotationKeys.SecurityGroup);
        if (value is null)
        {
            return null;
        }

        return value.StartsWith("sg-", StringComparison.Ordinal) && !value.Contains(',', StringComparison.Ordinal)
            ? value
            : Reported(Invalid(FirstKey(annotations, AnnotationKeys.SecurityGroup)!, value, "one security group id (sg-…)", "the default security group"), problems, (string?)null);
    }

    private static string? WebAcl(IDictionary<string, string> annotations, string? fallback, List<Problem> problems)
    {
        var value = First(annotations, AnnotationKeys.Waf);
        if (value is null || Waf.WebAclArn.IsValid(value))
        {
            return value ?? fallback;
        }

        var classic = value.StartsWith("arn:", StringComparison.Ordinal) ? "" : " (classic WAF web ACL ids are not supported)";
        return Reported(Invalid(FirstKey(annotations, AnnotationKeys.Waf)!, value, Waf.WebAclArn.Expected + classic, fallback ?? "no web ACL"), problems, fallback);
    }

    private static List<string>? Certificates(IDictionary<string, string> annotations, List<Problem> problems)
    {
        var value = First(annotations, AnnotationKeys.CertificateArn);
        if (value is null)
        {
            return null;
        }

        var arns = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var bad = arns.Where(a => !IsCertificateArn(a)).ToList();
        foreach (var arn in bad)
        {
            problems.Add(Invalid(FirstKey(annotations, AnnotationKeys.CertificateArn)!, arn, "ACM or IAM certificate ARNs (arn:aws:acm:…:certificate/…), comma separated", "the other ARNs, or discovery when none is valid"));
        }

        var good = arns.Except(bad).ToList();
        return good.Count > 0 ? good : null;
    }

    private static bool IsCertificateArn(string arn) =>
        arn.StartsWith("arn:", StringComparison.Ordinal) &&
        (arn.Contains(":acm:", StringComparison.Ordinal) && arn.Contains(":certificate/", StringComparison.Ordinal)
         || arn.Contains(":iam::", StringComparison.Ordinal) && arn.Contains(":server-certificate/", StringComparison.Ordinal));

    private static Problem Invalid(string key, string value, string allowed, string used) =>
        new("InvalidAnnotation", $"annotation {key}: \"{value}\" is not valid; allowed: {allowed}; using {used}");

    private static T Reported<T>(Problem problem, List<Problem> problems, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}

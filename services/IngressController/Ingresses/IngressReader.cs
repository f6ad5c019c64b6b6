using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>
/// Reads an Ingress into an <see cref="IngressModel"/>. An annotation with a bad value is reported as a problem (with the
/// value and what is allowed) and the default is used, so one typo never takes an Ingress off its load balancer.
/// </summary>
public static class IngressReader
{
    public static IngressModel Read(Ingress ingress, IngressDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(defaults);
        var key = $"{ingress.Metadata.Namespace}/{ingress.Metadata.Name}";
        var problems = new List<IngressProblem>();
        var annotations = ingress.Metadata.Annotations ?? [];

        var scheme = Choice(annotations, AnnotationKeys.Scheme, ["internet-facing", "internal"], defaults.Scheme, problems);
        var ipType = Choice(annotations, AnnotationKeys.IpAddressType, ["ipv4", "dualstack"], defaults.IpAddressType, problems);
        var http2 = Boolean(annotations, AnnotationKeys.Http2, defaults.Http2, problems);
        var shared = Boolean(annotations, AnnotationKeys.Shared, true, problems);
        var redirect = Redirect(annotations, defaults.Redirect, problems);
        var sslPolicy = SslPolicy(annotations, defaults.SslPolicy, problems);
        var securityGroup = SecurityGroup(annotations, problems);
        var waf = WebAcl(annotations, defaults.Waf, problems);
        var certificates = Certificates(annotations, problems);

        var hosts = (ingress.Spec?.Rules ?? []).Select(r => r.Host)
            .Concat((ingress.Spec?.Tls ?? []).SelectMany(t => t.Hosts ?? []))
            .Where(h => !string.IsNullOrWhiteSpace(h))
            .Select(h => h!.Trim().TrimEnd('.').ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var status = (ingress.Status?.LoadBalancer?.Ingress ?? []).Select(i => i.Hostname).OfType<string>().ToList();
        var group = new GroupKey(scheme, ipType, securityGroup, sslPolicy, waf, http2, redirect, shared ? null : key);
        return new IngressModel(key, hosts, certificates, group, redirect, status, problems);
    }

    private static string? First(Dictionary<string, string> annotations, string[] keys) =>
        keys.Select(k => annotations.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static string? FirstKey(Dictionary<string, string> annotations, string[] keys) =>
        keys.FirstOrDefault(k => !string.IsNullOrWhiteSpace(annotations.GetValueOrDefault(k)));

    private static string Choice(Dictionary<string, string> annotations, string[] keys, string[] allowed, string fallback, List<IngressProblem> problems)
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

    private static bool Boolean(Dictionary<string, string> annotations, string[] keys, bool fallback, List<IngressProblem> problems)
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

    private static bool Redirect(Dictionary<string, string> annotations, bool fallback, List<IngressProblem> problems)
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

    private static string SslPolicy(Dictionary<string, string> annotations, string fallback, List<IngressProblem> problems)
    {
        var value = First(annotations, AnnotationKeys.SslPolicy);
        if (value is null)
        {
            return fallback;
        }

        return value.StartsWith("ELBSecurityPolicy-", StringComparison.Ordinal) && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? value
            : Reported(Invalid(FirstKey(annotations, AnnotationKeys.SslPolicy)!, value, "an ELB security policy name (ELBSecurityPolicy-…)", fallback), problems, fallback);
    }

    private static string? SecurityGroup(Dictionary<string, string> annotations, List<IngressProblem> problems)
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

    private static string? WebAcl(Dictionary<string, string> annotations, string? fallback, List<IngressProblem> problems)
    {
        var value = First(annotations, AnnotationKeys.Waf);
        if (value is null || Waf.WebAclArn.IsValid(value))
        {
            return value ?? fallback;
        }

        var classic = value.StartsWith("arn:", StringComparison.Ordinal) ? "" : " (classic WAF web ACL ids are not supported)";
        return Reported(Invalid(FirstKey(annotations, AnnotationKeys.Waf)!, value, Waf.WebAclArn.Expected + classic, fallback ?? "no web ACL"), problems, fallback);
    }

    private static List<string>? Certificates(Dictionary<string, string> annotations, List<IngressProblem> problems)
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

    private static IngressProblem Invalid(string key, string value, string allowed, string used) =>
        new("InvalidAnnotation", $"annotation {key}: \"{value}\" is not valid; allowed: {allowed}; using {used}");

    private static T Reported<T>(IngressProblem problem, List<IngressProblem> problems, T fallback)
    {
        problems.Add(problem);
        return fallback;
    }
}

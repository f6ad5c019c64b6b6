using AwsIntegrations.IngressController.Certificates;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// The certificates an Ingress needs: its explicit ARNs, else the best certificate per host. An explicit ACM ARN the
/// controller does not know (not ISSUED here, filtered out, or another region) and a certificate AWS refused are left
/// out with a problem on that Ingress alone, as kube-ingress-aws-controller skips only the offending Ingress (worker.go);
/// they never reach a load balancer other Ingresses share. Hosts without a certificate, or only with one expiring soon
/// (still served), are problems too.
/// </summary>
public static class IngressCertificates
{
    /// <summary>The problem of an Ingress that needs a certificate AWS refused.</summary>
    public static Problem Refused(string arn, string reason) =>
        new("CertificateNotFound", $"AWS refused certificate {arn} ({reason}); it is left out until the next resync");

    public static CertificateResolution Resolve(
        IngressModel ingress, IReadOnlyList<CertificateInfo> certificates, DateTimeOffset now, TimeSpan minValidity, IReadOnlyDictionary<string, string>? refused = null)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(certificates);
        refused ??= new Dictionary<string, string>();
        return ingress.ExplicitCertificates is { } explicitArns
            ? Explicit(ingress, explicitArns, certificates, refused)
            : Discovered(ingress, refused.Count == 0 ? certificates : [.. certificates.Where(c => !refused.ContainsKey(c.Arn))], now, minValidity);
    }

    /// <summary>What becomes of an Ingress's hosts without a certificate.</summary>
    private static string Fate(IngressModel ingress) => ingress.HttpsOnly ? "it is not served (HTTPS-only)" : "it is served on HTTP only";

    /// <summary>The ARNs the Ingress names, less those refused or unknown here.</summary>
    private static CertificateResolution Explicit(IngressModel ingress, IReadOnlyList<string> explicitArns, IReadOnlyList<CertificateInfo> certificates, IReadOnlyDictionary<string, string> refused)
    {
        var arns = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        foreach (var arn in explicitArns)
        {
            if (refused.TryGetValue(arn, out var reason))
            {
                problems.Add(Refused(arn, reason));
            }
            else if (arn.Contains(":acm:", StringComparison.Ordinal) && certificates.All(c => c.Arn != arn))
            {
                problems.Add(new Problem("CertificateNotFound", $"certificate {arn} is not an ISSUED ACM certificate this controller may use (unknown, another region or account, not issued, filtered or excluded); it is left out"));
            }
            else
            {
                arns.Add(arn);
            }
        }

        if (arns.Count == 0)
        {
            problems.Add(new Problem("CertificateNotFound", $"none of the certificates the Ingress names can be used; {Fate(ingress)}"));
        }

        return new CertificateResolution(arns, problems, arns.Count == 0 ? ingress.Hosts.Count : 0, 0);
    }

    /// <summary>The best usable certificate per host.</summary>
    private static CertificateResolution Discovered(IngressModel ingress, IReadOnlyList<CertificateInfo> usable, DateTimeOffset now, TimeSpan minValidity)
    {
        var arns = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        var without = 0;
        var expiring = 0;
        foreach (var host in ingress.Hosts)
        {
            switch (CertificateMatcher.BestServing(host, usable, now, minValidity))
            {
                case ({ } certificate, false):
                    arns.Add(certificate.Arn);
                    break;
                case ({ } certificate, true):
                    arns.Add(certificate.Arn);
                    expiring++;
                    problems.Add(new Problem("CertificateExpiringSoon",
                        $"the only certificate covering host {host}, {certificate.Arn}, expires at {certificate.NotAfter.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}; it is still served: renew it or add a newer one"));
                    break;
                default:
                    without++;
                    problems.Add(new Problem("CertificateNotFound", $"no valid ISSUED ACM certificate covers host {host}; {Fate(ingress)}"));
                    break;
            }
        }

        return new CertificateResolution(arns, problems, without, expiring);
    }
}

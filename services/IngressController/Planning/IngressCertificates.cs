using AwsIntegrations.IngressController.Certificates;
using AwsIntegrations.IngressController.Ingresses;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>The certificates an Ingress needs: its explicit ARNs, else the best certificate per host; hosts without one are problems.</summary>
public static class IngressCertificates
{
    public static (SortedSet<string> Arns, IReadOnlyList<IngressProblem> Problems) Resolve(
        IngressModel ingress, IReadOnlyList<CertificateInfo> certificates, DateTimeOffset now, TimeSpan minValidity)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        if (ingress.ExplicitCertificates is { } explicitArns)
        {
            return (new SortedSet<string>(explicitArns, StringComparer.Ordinal), []);
        }

        var arns = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<IngressProblem>();
        foreach (var host in ingress.Hosts)
        {
            if (CertificateMatcher.Best(host, certificates, now, minValidity) is { } best)
            {
                arns.Add(best.Arn);
            }
            else
            {
                problems.Add(new IngressProblem("CertificateNotFound",
                    $"no ISSUED ACM certificate valid for at least {minValidity.TotalDays:0.#} days covers host {host}; " +
                    (ingress.HttpsOnly ? "it is not served (HTTPS-only)" : "it is served on HTTP only")));
            }
        }

        return (arns, problems);
    }
}

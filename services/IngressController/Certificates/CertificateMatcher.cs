namespace AwsIntegrations.IngressController.Certificates;

/// <summary>
/// Picks the certificate for a host: ISSUED, valid for at least the minimum validity, covering the host exactly or by a
/// wildcard of one label; an exact name beats a wildcard, then the newest NotAfter wins, then the ARN (so the choice is stable).
/// </summary>
public static class CertificateMatcher
{
    public static CertificateInfo? Best(string host, IEnumerable<CertificateInfo> certificates, DateTimeOffset now, TimeSpan minValidity)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        CertificateInfo? best = null;
        var bestExact = false;
        foreach (var certificate in certificates)
        {
            if (certificate.Status != "ISSUED" || certificate.NotAfter < now + minValidity || certificate.NotBefore > now)
            {
                continue;
            }

            var exact = certificate.Names.Any(n => string.Equals(n, host, StringComparison.OrdinalIgnoreCase));
            if (!exact && !certificate.Names.Any(n => WildcardCovers(n, host)))
            {
                continue;
            }

            if (best is null || Better(exact, certificate, bestExact, best))
            {
                best = certificate;
                bestExact = exact;
            }
        }

        return best;
    }

    /// <summary>"*.example.org" covers "a.example.org", not "example.org" nor "a.b.example.org".</summary>
    public static bool WildcardCovers(string name, string host)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(host);
        if (!name.StartsWith("*.", StringComparison.Ordinal))
        {
            return false;
        }

        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && !host.StartsWith("*.", StringComparison.Ordinal) && string.Equals(host[(dot + 1)..], name[2..], StringComparison.OrdinalIgnoreCase);
    }

    private static bool Better(bool exact, CertificateInfo candidate, bool bestExact, CertificateInfo best)
    {
        if (exact != bestExact)
        {
            return exact;
        }

        if (candidate.NotAfter != best.NotAfter)
        {
            return candidate.NotAfter > best.NotAfter;
        }

        return string.CompareOrdinal(candidate.Arn, best.Arn) < 0;
    }
}

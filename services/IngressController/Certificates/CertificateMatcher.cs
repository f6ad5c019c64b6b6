namespace AwsIntegrations.IngressController.Certificates;

/// <summary>
/// Picks the certificate for a host: ISSUED, covering the host exactly or by a wildcard of one label, valid for at least the
/// minimum validity; an exact name beats a wildcard, then the most recently issued (newest NotBefore, kube-ingress-aws-
/// controller's certs/matching.go), then the latest NotAfter, then the lowest ARN (so the choice is stable). When only
/// certificates expiring sooner cover the host, <see cref="BestServing"/> keeps serving with one of them rather than drop TLS.
/// </summary>
public static class CertificateMatcher
{
    /// <summary>The best certificate valid for at least <paramref name="minValidity"/>; null when none is.</summary>
    public static CertificateInfo? Best(string host, IEnumerable<CertificateInfo> certificates, DateTimeOffset now, TimeSpan minValidity) =>
        Pick(host, certificates, now, now + minValidity);

    /// <summary>
    /// The certificate to serve the host with: <see cref="Best"/>, else the best one still valid now (ExpiringSoon), so
    /// HTTPS keeps working until the certificate really expires; null when no valid certificate covers the host.
    /// </summary>
    public static (CertificateInfo Certificate, bool ExpiringSoon)? BestServing(string host, IReadOnlyCollection<CertificateInfo> certificates, DateTimeOffset now, TimeSpan minValidity)
    {
        if (Best(host, certificates, now, minValidity) is { } best)
        {
            return (best, false);
        }

        return Pick(host, certificates, now, now) is { } expiring ? (expiring, true) : null;
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

    private static CertificateInfo? Pick(string host, IEnumerable<CertificateInfo> certificates, DateTimeOffset now, DateTimeOffset validUntil)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        CertificateInfo? best = null;
        var bestExact = false;
        foreach (var certificate in certificates)
        {
            if (certificate.Status != "ISSUED" || certificate.NotAfter <= validUntil || certificate.NotBefore > now)
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

    private static bool Better(bool exact, CertificateInfo candidate, bool bestExact, CertificateInfo best)
    {
        if (exact != bestExact)
        {
            return exact;
        }

        if (candidate.NotBefore != best.NotBefore)
        {
            return candidate.NotBefore > best.NotBefore;
        }

        if (candidate.NotAfter != best.NotAfter)
        {
            return candidate.NotAfter > best.NotAfter;
        }

        return string.CompareOrdinal(candidate.Arn, best.Arn) < 0;
    }
}

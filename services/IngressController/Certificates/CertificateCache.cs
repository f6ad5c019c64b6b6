using AwsIntegrations.Aws;

namespace AwsIntegrations.IngressController.Certificates;

/// <summary>
/// The account's ISSUED ACM certificates the controller may use, read again every polling interval (one ListCertificates;
/// DescribeCertificate only for certificates whose names the list truncates; with a filter tag one ListTagsForCertificate
/// each, as kube-ingress-aws-controller's --cert-filter-tag does). Excluded ARNs are dropped. A failed refresh keeps the
/// last good list.
/// </summary>
public sealed class CertificateCache(IAcmApi acm, TimeProvider time, TimeSpan pollingInterval, CertificateFilter? filter = null)
{
    private readonly Dictionary<string, IReadOnlyList<string>> _describedNames = new(StringComparer.Ordinal);
    private readonly CertificateFilter _filter = filter ?? CertificateFilter.None;
    private IReadOnlyList<CertificateInfo> _certificates = [];
    private DateTimeOffset? _refreshedAt;

    public IReadOnlyList<CertificateInfo> Certificates => _certificates;

    public bool Loaded => _refreshedAt is not null;

    public bool RefreshDue => _refreshedAt is not { } at || time.GetUtcNow() - at >= pollingInterval;

    /// <summary>Makes the next <see cref="RefreshIfDueAsync"/> read ACM again (e.g. after ELBv2 refused a certificate of the list).</summary>
    public void Invalidate() => _refreshedAt = null;

    /// <summary>Refreshes when due (or when forced); returns whether a refresh happened.</summary>
    public async Task<bool> RefreshIfDueAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && !RefreshDue)
        {
            return false;
        }

        var summaries = await acm.ListCertificatesAsync(["ISSUED"], cancellationToken: cancellationToken).ConfigureAwait(false);
        var list = new List<CertificateInfo>(summaries.Count);
        foreach (var summary in summaries.Where(s => !_filter.Excluded.Contains(s.CertificateArn)))
        {
            if (_filter.Tag is { } tag && !Tagged(await acm.ListTagsForCertificateAsync(summary.CertificateArn, cancellationToken).ConfigureAwait(false), tag))
            {
                continue;
            }

            var names = await NamesAsync(summary, cancellationToken).ConfigureAwait(false);
            list.Add(new CertificateInfo(summary.CertificateArn, names, summary.NotBefore ?? DateTimeOffset.MinValue, summary.NotAfter ?? DateTimeOffset.MinValue, summary.Status ?? "ISSUED"));
        }

        _certificates = list;
        _refreshedAt = time.GetUtcNow();
        return true;
    }

    private static bool Tagged(IReadOnlyDictionary<string, string> tags, (string Key, string Value) tag) =>
        tags.TryGetValue(tag.Key, out var value) && value == tag.Value;

    private async Task<IReadOnlyList<string>> NamesAsync(CertificateSummary summary, CancellationToken cancellationToken)
    {
        if (summary.HasAdditionalSubjectAlternativeNames != true)
        {
            return [.. new[] { summary.DomainName }.OfType<string>().Concat(summary.SubjectAlternativeNameSummaries).Distinct(StringComparer.OrdinalIgnoreCase)];
        }

        if (!_describedNames.TryGetValue(summary.CertificateArn, out var names))
        {
            var detail = await acm.DescribeCertificateAsync(summary.CertificateArn, cancellationToken).ConfigureAwait(false);
            names = [.. new[] { detail.DomainName }.OfType<string>().Concat(detail.SubjectAlternativeNames).Distinct(StringComparer.OrdinalIgnoreCase)];
            _describedNames[summary.CertificateArn] = names;
        }

        return names;
    }
}

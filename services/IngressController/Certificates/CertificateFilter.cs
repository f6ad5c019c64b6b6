using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Certificates;

/// <summary>Which ACM certificates may be used: only those with <see cref="Tag"/> (when set), never the <see cref="Excluded"/> ARNs.</summary>
public sealed record CertificateFilter((string Key, string Value)? Tag, IReadOnlySet<string> Excluded)
{
    public static readonly CertificateFilter None = new(null, new HashSet<string>());

    public static CertificateFilter From(IngressControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tag = options.CertFilterTag is { Length: > 0 } text ? (text[..text.IndexOf('=', StringComparison.Ordinal)], text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..]) : ((string, string)?)null;
        return new CertificateFilter(tag, options.ExcludedCertificateArns.ToHashSet(StringComparer.Ordinal));
    }
}

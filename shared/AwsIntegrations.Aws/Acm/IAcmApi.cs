namespace AwsIntegrations.Aws;

/// <summary>The ACM operations the suite uses. List operations return every page.</summary>
public interface IAcmApi
{
    /// <summary>
    /// Certificates with the given statuses (null: all). Unlike ACM's default (RSA_1024 and RSA_2048 only), every key
    /// type is included unless <paramref name="keyTypes"/> narrows it, so RSA-4096 and ECDSA certificates are not missed.
    /// </summary>
    Task<IReadOnlyList<CertificateSummary>> ListCertificatesAsync(IReadOnlyList<string>? statuses = null, IReadOnlyList<string>? keyTypes = null, CancellationToken cancellationToken = default);

    Task<CertificateDetail> DescribeCertificateAsync(string certificateArn, CancellationToken cancellationToken = default);

    /// <summary>The certificate's tags (key → value; a tag without a value has an empty one).</summary>
    Task<IReadOnlyDictionary<string, string>> ListTagsForCertificateAsync(string certificateArn, CancellationToken cancellationToken = default);

    /// <summary>Imports (or re-imports) a certificate; returns its ARN.</summary>
    Task<string> ImportCertificateAsync(ImportCertificateRequest request, CancellationToken cancellationToken = default);
}

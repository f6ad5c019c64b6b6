using System.Text;

namespace AwsIntegrations.Aws;

/// <summary>Our ACM client (JSON 1.1, target prefix CertificateManager, API version 2015-12-08).</summary>
internal sealed class AcmClient(AwsTransport transport) : IAcmApi
{
    public static readonly IReadOnlyList<string> AllKeyTypes = ["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"];

    /// <summary>MaxItems sent on ListCertificates; null lets ACM choose.</summary>
    public int? PageSize { get; init; }

    public async Task<IReadOnlyList<CertificateSummary>> ListCertificatesAsync(IReadOnlyList<string>? statuses = null, IReadOnlyList<string>? keyTypes = null, CancellationToken cancellationToken = default)
    {
        var results = new List<CertificateSummary>();
        string? token = null;
        do
        {
            var body = new ListCertificatesBody
            {
                CertificateStatuses = statuses is { Count: > 0 } ? statuses : null,
                Includes = new CertificateFiltersBody { KeyTypes = keyTypes ?? AllKeyTypes },
                NextToken = token,
                MaxItems = PageSize,
            };
            var answer = await CallAsync<ListCertificatesBody, ListCertificatesAnswer>("ListCertificates", body, cancellationToken).ConfigureAwait(false);
            results.AddRange(answer.CertificateSummaryList);
            token = answer.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return results;
    }

    public async Task<CertificateDetail> DescribeCertificateAsync(string certificateArn, CancellationToken cancellationToken = default)
    {
        var answer = await CallAsync<DescribeCertificateBody, DescribeCertificateAnswer>("DescribeCertificate", new DescribeCertificateBody { CertificateArn = certificateArn }, cancellationToken).ConfigureAwait(false);
        return answer.Certificate ?? throw new AwsProtocolException("DescribeCertificate: the answer has no Certificate");
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsForCertificateAsync(string certificateArn, CancellationToken cancellationToken = default)
    {
        var answer = await CallAsync<DescribeCertificateBody, ListTagsForCertificateAnswer>("ListTagsForCertificate", new DescribeCertificateBody { CertificateArn = certificateArn }, cancellationToken).ConfigureAwait(false);
        return answer.Tags.ToDictionary(t => t.Key, t => t.Value ?? string.Empty, StringComparer.Ordinal);
    }

    public async Task<string> ImportCertificateAsync(ImportCertificateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new ImportCertificateBody
        {
            CertificateArn = request.CertificateArn,
            Certificate = Encoding.UTF8.GetBytes(request.CertificatePem),
            PrivateKey = Encoding.UTF8.GetBytes(request.PrivateKeyPem),
            CertificateChain = request.CertificateChainPem is null ? null : Encoding.UTF8.GetBytes(request.CertificateChainPem),
            Tags = request.Tags.Count == 0 || request.CertificateArn is not null ? null : request.Tags.Select(t => new AcmTagBody { Key = t.Key, Value = t.Value }).ToList(),
        };
        var answer = await CallAsync<ImportCertificateBody, ImportCertificateAnswer>("ImportCertificate", body, cancellationToken).ConfigureAwait(false);
        return answer.CertificateArn ?? throw new AwsProtocolException("ImportCertificate: the answer has no CertificateArn");
    }

    private Task<TAnswer> CallAsync<TBody, TAnswer>(string operation, TBody body, CancellationToken cancellationToken) =>
        JsonRpc.CallAsync<TBody, TAnswer>(transport, AwsService.Acm, "CertificateManager", operation, body, cancellationToken);
}

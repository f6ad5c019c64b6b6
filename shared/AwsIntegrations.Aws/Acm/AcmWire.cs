using System.Text.Json.Serialization;

namespace AwsIntegrations.Aws;

// Request and response bodies on the wire; the contract test checks every JsonPropertyName against the model.

internal sealed record ListCertificatesBody
{
    [JsonPropertyName("CertificateStatuses")] public IReadOnlyList<string>? CertificateStatuses { get; init; }
    [JsonPropertyName("Includes")] public CertificateFiltersBody? Includes { get; init; }
    [JsonPropertyName("NextToken")] public string? NextToken { get; init; }
    [JsonPropertyName("MaxItems")] public int? MaxItems { get; init; }
}

internal sealed record CertificateFiltersBody
{
    [JsonPropertyName("keyTypes")] public IReadOnlyList<string>? KeyTypes { get; init; }
}

internal sealed record ListCertificatesAnswer
{
    [JsonPropertyName("NextToken")] public string? NextToken { get; init; }
    [JsonPropertyName("CertificateSummaryList")] public IReadOnlyList<CertificateSummary> CertificateSummaryList { get; init; } = [];
}

internal sealed record DescribeCertificateBody
{
    [JsonPropertyName("CertificateArn")] public required string CertificateArn { get; init; }
}

internal sealed record DescribeCertificateAnswer
{
    [JsonPropertyName("Certificate")] public CertificateDetail? Certificate { get; init; }
}

internal sealed record ImportCertificateBody
{
    [JsonPropertyName("CertificateArn")] public string? CertificateArn { get; init; }
    [JsonPropertyName("Certificate")] public required byte[] Certificate { get; init; }
    [JsonPropertyName("PrivateKey")] public required byte[] PrivateKey { get; init; }
    [JsonPropertyName("CertificateChain")] public byte[]? CertificateChain { get; init; }
    [JsonPropertyName("Tags")] public IReadOnlyList<AcmTagBody>? Tags { get; init; }
}

internal sealed record AcmTagBody
{
    [JsonPropertyName("Key")] public required string Key { get; init; }
    [JsonPropertyName("Value")] public string? Value { get; init; }
}

internal sealed record ImportCertificateAnswer
{
    [JsonPropertyName("CertificateArn")] public string? CertificateArn { get; init; }
}

internal sealed record ListTagsForCertificateAnswer
{
    [JsonPropertyName("Tags")] public IReadOnlyList<AcmTagBody> Tags { get; init; } = [];
}

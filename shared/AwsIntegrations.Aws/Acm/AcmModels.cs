using System.Text.Json.Serialization;

namespace AwsIntegrations.Aws;

// ACM JSON 1.1 shapes (member names from the botocore model, acm 2015-12-08); timestamps are epoch seconds.

public sealed record CertificateSummary
{
    [JsonPropertyName("CertificateArn")] public required string CertificateArn { get; init; }
    [JsonPropertyName("DomainName")] public string? DomainName { get; init; }
    [JsonPropertyName("SubjectAlternativeNameSummaries")] public IReadOnlyList<string> SubjectAlternativeNameSummaries { get; init; } = [];
    [JsonPropertyName("HasAdditionalSubjectAlternativeNames")] public bool? HasAdditionalSubjectAlternativeNames { get; init; }
    [JsonPropertyName("Status")] public string? Status { get; init; }
    [JsonPropertyName("Type")] public string? Type { get; init; }
    [JsonPropertyName("KeyAlgorithm")] public string? KeyAlgorithm { get; init; }
    [JsonPropertyName("InUse")] public bool? InUse { get; init; }
    [JsonPropertyName("NotBefore")] [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? NotBefore { get; init; }
    [JsonPropertyName("NotAfter")] [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? NotAfter { get; init; }
    [JsonPropertyName("CreatedAt")] [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("ImportedAt")] [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? ImportedAt { get; init; }
}

public sealed record CertificateDetail
{
    [JsonPropertyName("CertificateArn")] public required string CertificateArn { get; init; }
    [JsonPropertyName("DomainName")] public string? DomainName { get; init; }
    [JsonPropertyName("SubjectAlternativeNames")] public IReadOnlyList<string> SubjectAlternativeNames { get; init; } = [];
    [JsonPropertyName("Serial")] public string? Serial { get; init; }
    [JsonPropertyName("Subject")] public string? Subject { get; init; }
    [JsonPropertyName("Issuer")] public string? Issuer { get; init; }
    [JsonPropertyName("Status")] public string? Status { get; init; }
    [JsonPropertyName("Type")] public string? Type { get; init; }
    [JsonPropertyName("KeyAlgorithm")] public string? KeyAlgorithm { get; init; }
    [JsonPropertyName("InUseBy")] public IReadOnlyList<string> InUseBy { get; init; } = [];
    [JsonPropertyName("FailureReason")] public string? FailureReason { get; init; }
    [JsonPropertyName("NotBefore")] [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? NotBefore { get; init; }
    [JsonPropertyName("NotAfter")] [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? NotAfter { get; init; }
    [JsonPropertyName("CreatedAt")] [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("ImportedAt")] [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? ImportedAt { get; init; }
    [JsonPropertyName("IssuedAt")] [JsonConverter(typeof(EpochSecondsConverter))] public DateTimeOffset? IssuedAt { get; init; }
}

/// <summary>Certificate, private key and chain in PEM; set <see cref="CertificateArn"/> to re-import over an existing certificate.</summary>
public sealed record ImportCertificateRequest(string CertificatePem, string PrivateKeyPem)
{
    public string? CertificateChainPem { get; init; }
    public string? CertificateArn { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

namespace AwsIntegrations.Emulators.Aws;

public sealed class Certificate
{
    public required string Arn { get; init; }
    public required string DomainName { get; set; }
    public List<string> SubjectAlternativeNames { get; set; } = [];
    public string Status { get; set; } = "ISSUED";
    public string Type { get; init; } = "IMPORTED";
    public string KeyAlgorithm { get; set; } = "RSA_2048";
    public DateTimeOffset NotBefore { get; set; }
    public DateTimeOffset NotAfter { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ImportedAt { get; set; }
    public string Issuer { get; set; } = "Emulated CA";
    public string Serial { get; set; } = "00";
    public List<string> InUseBy { get; } = [];
    public Dictionary<string, string> Tags { get; } = [];
    public string? Body { get; set; }
}

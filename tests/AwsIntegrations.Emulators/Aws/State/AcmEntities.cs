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

    /// <summary>DNS or EMAIL for a requested certificate; null for imported ones.</summary>
    public string? ValidationMethod { get; init; }

    /// <summary>The CNAME record ACM asks for, per domain name of a requested certificate.</summary>
    public List<DomainValidation> Validations { get; } = [];

    /// <summary>When every validation record was first seen in a hosted zone of the account.</summary>
    public DateTimeOffset? ValidationStartedAt { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }
}

public sealed record DomainValidation(string DomainName, string RecordName, string RecordValue);

namespace AwsIntegrations.Emulators.Aws;

public sealed class HostedZone
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string CallerReference { get; init; }
    public string? Comment { get; init; }
    public bool PrivateZone { get; init; }
    public List<string> VpcIds { get; init; } = [];
    public List<RecordSet> Records { get; } = [];
}

public sealed record RecordSet(string Name, string Type)
{
    public long? Ttl { get; init; }
    public List<string> Values { get; init; } = [];
    public string? SetIdentifier { get; init; }
    public long? Weight { get; init; }
    public AliasTarget? Alias { get; init; }

    public bool SameKey(RecordSet other) =>
        string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase) && Type == other.Type && SetIdentifier == other.SetIdentifier;
}

public sealed record AliasTarget(string HostedZoneId, string DnsName, bool EvaluateTargetHealth);

public sealed record ChangeInfo(string Id, DateTimeOffset SubmittedAt, string? Comment);

namespace AwsIntegrations.Aws;

// Route 53 shapes as the suite uses them (names follow the botocore model, route53 2013-04-01).
// Ids are given without their "/hostedzone/" or "/change/" prefix.

public sealed record HostedZoneSummary(string Id, string Name, string CallerReference, string? Comment, bool PrivateZone, long ResourceRecordSetCount);

public sealed record HostedZoneDetails(HostedZoneSummary Zone, IReadOnlyList<string> NameServers, IReadOnlyList<string> VpcIds);

public sealed record CreateHostedZoneRequest(string Name, string CallerReference)
{
    public string? Comment { get; init; }

    /// <summary>Set for a private zone; the zone is associated with this VPC.</summary>
    public string? VpcId { get; init; }

    public string? VpcRegion { get; init; }
}

/// <summary>A record set: either TTL + values, or an alias target. Names are fully qualified with a trailing dot.</summary>
public sealed record Route53RecordSet(string Name, string Type)
{
    public long? Ttl { get; init; }
    public IReadOnlyList<string> Values { get; init; } = [];
    public string? SetIdentifier { get; init; }
    public long? Weight { get; init; }
    public Route53AliasTarget? AliasTarget { get; init; }
}

public sealed record Route53AliasTarget(string HostedZoneId, string DnsName, bool EvaluateTargetHealth);

/// <summary>Action is CREATE, DELETE or UPSERT.</summary>
public sealed record Route53Change(string Action, Route53RecordSet RecordSet);

/// <summary>Status is PENDING until the change reached every Route 53 server, then INSYNC.</summary>
public sealed record Route53ChangeInfo(string Id, string Status, DateTimeOffset SubmittedAt, string? Comment)
{
    public bool IsInSync => Status == "INSYNC";
}

namespace AwsIntegrations.DnsController.Sources;

/// <summary>
/// One record an object asks for. Names are lower case without the trailing dot. An alias record has one target (the
/// load balancer's DNS name) and <see cref="AliasZoneId"/>; other records have TTL and values.
/// </summary>
public sealed record DesiredRecord(string Name, string Type, IReadOnlyList<string> Targets, string Resource)
{
    public long Ttl { get; init; } = 300;

    /// <summary>
    /// False when the TTL is only the default (no ttl annotation): a new record gets it, an existing record keeps its own
    /// TTL, as external-dns (plan/plan.go shouldUpdateTTL) leaves it.
    /// </summary>
    public bool TtlConfigured { get; init; } = true;

    public string? SetIdentifier { get; init; }

    public long? Weight { get; init; }

    public string? AliasZoneId { get; init; }

    public bool EvaluateTargetHealth { get; init; } = true;

    public bool IsAlias => AliasZoneId is not null;

    public override string ToString() =>
        $"{Type}{(IsAlias ? " alias" : string.Empty)} {Name}{(SetIdentifier is null ? string.Empty : $" [{SetIdentifier}]")} → {string.Join(",", Targets)}";
}

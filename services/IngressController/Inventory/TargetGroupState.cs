using AwsIntegrations.Aws;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>One of our target groups and the targets registered in it.</summary>
public sealed class TargetGroupState
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public int Port { get; init; }

    public string TargetType { get; init; } = "instance";

    public TargetGroupHealthCheck HealthCheck { get; set; } = new();

    public HashSet<string> Targets { get; init; } = new(StringComparer.Ordinal);

    /// <summary>When it was first found unneeded (its unused-since tag); null while needed.</summary>
    public DateTimeOffset? UnusedSince { get; set; }

    /// <summary>Target group attributes as AWS reported them (read on create and on resync); empty when unknown.</summary>
    public Dictionary<string, string> Attributes { get; init; } = new(StringComparer.Ordinal);
}

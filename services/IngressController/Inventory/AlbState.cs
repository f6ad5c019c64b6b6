namespace AwsIntegrations.IngressController.Inventory;

/// <summary>One of our load balancers as last read or written.</summary>
public sealed class AlbState
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string DnsName { get; init; }

    public string State { get; set; } = "active";

    public string Scheme { get; init; } = "internet-facing";

    public Dictionary<string, string> Attributes { get; init; } = new(StringComparer.Ordinal);

    public ListenerState? Https { get; set; }

    public ListenerState? Http { get; set; }

    public bool DeletionProtected => Attributes.GetValueOrDefault("deletion_protection.enabled") == "true";
}

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// What the controller owns in AWS (only resources with both ownership tags), read in full on resync and kept up to date by
/// the applier after each write, so passes between resyncs need no reads.
/// </summary>
public sealed class AwsInventory
{
    public Dictionary<string, AlbState> Albs { get; } = new(StringComparer.Ordinal);

    /// <summary>Target groups by name (a load balancer's target group has the load balancer's name).</summary>
    public Dictionary<string, TargetGroupState> TargetGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the web ACL associations could not be read at the last full read (null: read, or WAF not used).</summary>
    public string? WebAclReadDenied { get; set; }

    public AlbState? AlbByDnsName(string dnsName) =>
        Albs.Values.FirstOrDefault(a => string.Equals(a.DnsName, dnsName, StringComparison.OrdinalIgnoreCase));
}

using AwsIntegrations.Aws;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>
/// The changes to one name (and set identifier) in one zone: records and their ownership TXT records, deletes first.
/// A group is never split across batches, so a record never lands without its TXT record.
/// </summary>
public sealed record ChangeGroup(string ZoneId, string Name, string? SetIdentifier, IReadOnlyList<Route53Change> Changes, IReadOnlyList<RecordAction> Actions, string? Resource)
{
    /// <summary>Identifies the exact change content, to remember groups Route 53 refused until the next full read.</summary>
    public string Fingerprint => ZoneId + "|" + string.Join(";", Changes.Select(c => $"{c.Action} {c.RecordSet.Name} {c.RecordSet.Type} {c.RecordSet.SetIdentifier} {c.RecordSet.Ttl} {c.RecordSet.AliasTarget} {string.Join(",", c.RecordSet.Values)}"));

    public override string ToString() => string.Join(", ", Changes.Select(c => $"{c.Action} {c.RecordSet.Type} {c.RecordSet.Name}"));
}

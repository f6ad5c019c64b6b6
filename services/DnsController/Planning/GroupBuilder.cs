using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>
/// Collects the changes to one name and set identifier: deletes first, then writes. A TXT record deleted and written
/// again in the same group becomes one UPSERT (Route 53 would take both, but one change says what happens).
/// </summary>
internal sealed class GroupBuilder
{
    private readonly List<Route53Change> _deletes = [];
    private readonly List<Route53Change> _writes = [];

    public List<RecordAction> Actions { get; } = [];

    /// <summary>Record types deleted in this group.</summary>
    public HashSet<string> Deleted { get; } = new(StringComparer.Ordinal);

    /// <summary>Record types created in this group.</summary>
    public HashSet<string> Created { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => _deletes.Count + _writes.Count == 0;

    public void Delete(Route53RecordSet record) => _deletes.Add(new Route53Change(ChangeAction.Delete, record));

    public void Write(string action, Route53RecordSet record) => _writes.Add(new Route53Change(action, record));

    public IReadOnlyList<Route53Change> Changes()
    {
        var deletes = _deletes.ToList();
        var writes = new List<Route53Change>();
        foreach (var write in _writes)
        {
            var replaced = write.RecordSet.Type == RecordType.Txt
                ? deletes.FindIndex(d => d.RecordSet.Type == RecordType.Txt && SameKey(d.RecordSet, write.RecordSet))
                : -1;
            if (replaced >= 0)
            {
                deletes.RemoveAt(replaced);
                writes.Add(write with { Action = ChangeAction.Upsert });
            }
            else
            {
                writes.Add(write);
            }
        }

        return [.. deletes, .. writes];
    }

    private static bool SameKey(Route53RecordSet a, Route53RecordSet b) =>
        string.Equals(a.Name.TrimEnd('.'), b.Name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase) && a.SetIdentifier == b.SetIdentifier;
}

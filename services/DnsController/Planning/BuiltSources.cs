using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>
/// Every object's records and problems, rebuilt only for objects that are new or changed (by resourceVersion) or whose
/// load balancers became known since; tells which names changed, so a pass triggered by a change plans only those.
/// Not thread-safe: used by one pass at a time.
/// </summary>
public sealed class BuiltSources(RecordSettings settings, LoadBalancerInventory loadBalancers)
{
    private readonly Dictionary<string, BuiltSource> _built = new(StringComparer.Ordinal);

    public IEnumerable<BuiltSource> Values => _built.Values;

    /// <summary>The records the objects ask for (TXT ownership records not counted).</summary>
    public int RecordCount => _built.Values.Sum(b => b.Records.Count);

    /// <summary>Rebuilds the records of objects that are new or changed; returns the names they touch, before and after.</summary>
    public HashSet<string> Rebuild(IReadOnlyList<SourceObject> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var dirty = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            seen.Add(source.Resource);
            var known = _built.GetValueOrDefault(source.Resource);
            if (IsCurrent(known, source))
            {
                continue;
            }

            var built = BuiltSource.From(source, settings, loadBalancers.For, loadBalancers.Version);
            dirty.UnionWith(built.Names);
            dirty.UnionWith(known?.Names ?? []);
            _built[source.Resource] = built;
        }

        foreach (var gone in _built.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            dirty.UnionWith(_built[gone].Names);
            _built.Remove(gone);
        }

        return dirty;
    }

    private bool IsCurrent(BuiltSource? known, SourceObject source) =>
        known is not null && source.Object?.Metadata.ResourceVersion is { } version && known.Version == version && known.AliasVersion == loadBalancers.Version;
}

using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Registry;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>
/// A zone's records indexed for planning: the managed records (A, AAAA, CNAME) by name, only at names in scope
/// (--domain-filter, --exclude-domains and their regex forms: a record outside is never considered, so never changed),
/// the TXT records by name, and who owns what.
/// </summary>
internal sealed class ZoneRecords
{
    private readonly Dictionary<RecordKey, Dictionary<string, Route53RecordSet>> _managed = [];
    private readonly Dictionary<RecordKey, Route53RecordSet> _txt = [];
    private readonly TxtNameMapper _mapper;

    public ZoneRecords(IReadOnlyList<Route53RecordSet> records, TxtNameMapper mapper, Func<string, bool>? inScope = null)
    {
        _mapper = mapper;
        foreach (var record in records)
        {
            var key = new RecordKey(DnsNames.FromRoute53(record.Name), record.SetIdentifier);
            if (record.Type == RecordType.Txt)
            {
                _txt[key] = record;
            }
            else if (Planner.IsManaged(record.Type) && (inScope is null || inScope(key.Name)))
            {
                if (!_managed.TryGetValue(key, out var byType))
                {
                    _managed[key] = byType = new Dictionary<string, Route53RecordSet>(StringComparer.Ordinal);
                }

                byType[record.Type] = record;
            }
        }
    }

    public IEnumerable<RecordKey> Keys => _managed.Keys;

    public IReadOnlyDictionary<string, Route53RecordSet> Records(RecordKey key) =>
        _managed.TryGetValue(key, out var byType) ? byType : new Dictionary<string, Route53RecordSet>();

    public Route53RecordSet? Record(RecordKey key, string type) => _managed.GetValueOrDefault(key)?.GetValueOrDefault(type);

    public Route53RecordSet? Txt(string name, string? setIdentifier) => _txt.GetValueOrDefault(new RecordKey(name, setIdentifier));

    /// <summary>
    /// Ownership as external-dns v0.22 reads it: the current-format TXT; for an A ALIAS without one, the cname- TXT
    /// (v0.14–v0.21); for other types but AAAA, the same-name TXT (v0.11). The first of these that exists decides: if
    /// its value is not a well-formed ownership record, the record belongs to no one we know.
    /// </summary>
    public Ownership? OwnershipOf(Route53RecordSet record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = DnsNames.FromRoute53(record.Name);
        if (Txt(_mapper.ToTxtName(name, record.Type), record.SetIdentifier) is { } current)
        {
            return From(current, OwnershipFormat.Current);
        }

        if (record.Type == RecordType.A && record.AliasTarget is not null && Txt(_mapper.ToTxtName(name, RecordType.Cname), record.SetIdentifier) is { } aliasCname)
        {
            return From(aliasCname, OwnershipFormat.AliasCname);
        }

        return record.Type != RecordType.Aaaa && Txt(_mapper.ToOldTxtName(name), record.SetIdentifier) is { } sameName ? From(sameName, OwnershipFormat.SameName) : null;
    }

    public OwnerLabels? OwnerOf(Route53RecordSet record) => OwnershipOf(record)?.Labels;

    /// <summary>Ours: owned by <paramref name="ownerId"/>, and not under a routing policy other than weighted (which we cannot read, so never write).</summary>
    public bool IsOurs(Route53RecordSet record, string ownerId) => !HasUnknownRoutingPolicy(record) && OwnerOf(record)?.Owner == ownerId;

    /// <summary>A set identifier without a weight: latency, failover, geolocation or another policy this controller does not manage.</summary>
    public static bool HasUnknownRoutingPolicy(Route53RecordSet record) => record.SetIdentifier is not null && record.Weight is null;

    private static Ownership? From(Route53RecordSet txt, OwnershipFormat format) =>
        OwnerLabels.FromValues(txt.Values) is { } labels ? new Ownership(labels, txt, format) : null;
}

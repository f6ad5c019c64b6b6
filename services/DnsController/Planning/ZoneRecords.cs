using AwsIntegrations.Aws;
using DnsController.Registry;
using DnsController.Sources;

namespace DnsController.Planning;

/// <summary>A zone's records indexed for planning: managed records by name, TXT records by name, and who owns what.</summary>
internal sealed class ZoneRecords
{
    private readonly Dictionary<RecordKey, Dictionary<string, Route53RecordSet>> _managed = [];
    private readonly Dictionary<RecordKey, Route53RecordSet> _txt = [];
    private readonly TxtNameMapper _mapper;

    public ZoneRecords(IReadOnlyList<Route53RecordSet> records, TxtNameMapper mapper)
    {
        _mapper = mapper;
        foreach (var record in records)
        {
            var key = new RecordKey(DnsNames.FromRoute53(record.Name), record.SetIdentifier);
            if (record.Type == "TXT")
            {
                _txt[key] = record;
            }
            else if (Planner.IsManaged(record.Type))
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

    /// <summary>Ownership from the typed TXT record; else (older external-dns) a cname- TXT for an A alias, or a TXT at the same name.</summary>
    public OwnerLabels? OwnerOf(Route53RecordSet record)
    {
        var name = DnsNames.FromRoute53(record.Name);
        return Labels(Txt(_mapper.ToTxtName(name, record.Type), record.SetIdentifier))
            ?? (record.Type == "A" && record.AliasTarget is not null ? Labels(Txt(_mapper.ToTxtName(name, "CNAME"), record.SetIdentifier)) : null)
            ?? Labels(Txt(name, record.SetIdentifier));
    }

    public bool IsOurs(Route53RecordSet record, string ownerId) => OwnerOf(record)?.Owner == ownerId;

    private static OwnerLabels? Labels(Route53RecordSet? txt) => txt is null ? null : OwnerLabels.FromValues(txt.Values);
}

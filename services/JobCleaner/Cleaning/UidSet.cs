namespace AwsIntegrations.JobCleaner.Cleaning;

/// <summary>
/// The uids of the Jobs listed in a pass, to tell orphan pods from pods of live Jobs. Uids are UUIDs, kept as 16-byte
/// Guids: about 3 MB for 100,000 Jobs instead of 12 MB as strings. Any other form is kept as a string.
/// </summary>
internal sealed class UidSet
{
    private readonly HashSet<Guid> _guids = [];
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);

    public int Count => _guids.Count + _others.Count;

    public void Add(string? uid)
    {
        if (string.IsNullOrEmpty(uid))
        {
            return;
        }

        if (Guid.TryParse(uid, out var guid))
        {
            _guids.Add(guid);
        }
        else
        {
            _others.Add(uid);
        }
    }

    public bool Contains(string uid) => Guid.TryParse(uid, out var guid) ? _guids.Contains(guid) : _others.Contains(uid);
}

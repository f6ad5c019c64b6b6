namespace AwsIntegrations.Router.Backends;

/// <summary>
/// A 64-bit hash that is the same in every process (string.GetHashCode is randomised per process, and every Router replica
/// must send a client to the same pod): FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser to spread the bits.
/// </summary>
public static class StableHash
{
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}

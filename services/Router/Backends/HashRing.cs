using System.Globalization;

namespace AwsIntegrations.Router.Backends;

/// <summary>
/// skipper's consistentHash ring (loadbalancer/algorithm.go): 100 points per endpoint, hashed from "address-i"; a key goes to
/// the first point at or after its hash (wrapping around), so when an endpoint leaves only its own keys move.
/// </summary>
public sealed class HashRing
{
    public const int PointsPerEndpoint = 100;

    private readonly ulong[] _points;
    private readonly int[] _owners;

    public HashRing(IReadOnlyList<EndpointState> endpoints)
    {
        var points = new (ulong Hash, int Owner)[endpoints.Count * PointsPerEndpoint];
        for (var e = 0; e < endpoints.Count; e++)
        {
            for (var i = 0; i < PointsPerEndpoint; i++)
            {
                points[(e * PointsPerEndpoint) + i] = (StableHash.Of(endpoints[e].Address + "-" + i.ToString(CultureInfo.InvariantCulture)), e);
            }
        }

        Array.Sort(points);
        _points = [.. points.Select(p => p.Hash)];
        _owners = [.. points.Select(p => p.Owner)];
    }

    public int Length => _points.Length;

    /// <summary>The ring position a key starts its walk at.</summary>
    public int Start(ulong key)
    {
        var index = Array.BinarySearch(_points, key);
        index = index >= 0 ? index : ~index;
        return index == _points.Length ? 0 : index;
    }

    public int Owner(int position) => _owners[position % _owners.Length];
}

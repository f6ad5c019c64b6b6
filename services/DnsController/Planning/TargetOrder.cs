using System.Net;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>external-dns' Targets.IsLess: fewer targets first, then by sorted targets, IP addresses by value.</summary>
internal sealed class TargetOrder : IComparer<IReadOnlyList<string>>
{
    public static readonly TargetOrder Instance = new();

    public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            return x.Count.CompareTo(y.Count);
        }

        var a = x.Order(StringComparer.Ordinal).ToList();
        var b = y.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            if (IPAddress.TryParse(a[i], out var ipA) && IPAddress.TryParse(b[i], out var ipB))
            {
                var bytesA = ipA.GetAddressBytes();
                var bytesB = ipB.GetAddressBytes();
                return bytesA.Length != bytesB.Length ? bytesA.Length.CompareTo(bytesB.Length) : ((ReadOnlySpan<byte>)bytesA).SequenceCompareTo(bytesB);
            }

            return string.CompareOrdinal(a[i], b[i]);
        }

        return 0;
    }
}

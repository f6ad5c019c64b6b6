using System.Globalization;
using System.Net;

namespace AwsIntegrations.Hosting.Options;

/// <summary>
/// A listen address written as host:port, the way Go daemons take it (external-dns's and kube-ingress-aws-controller's
/// <c>--metrics-address=:7979</c>, nidhogg's <c>--metrics-addr</c>): an empty host is every address.
/// </summary>
public static class HostPort
{
    public static bool TrySplit(string value, out string host, out int port)
    {
        ArgumentNullException.ThrowIfNull(value);
        host = value;
        port = 0;
        var colon = value.LastIndexOf(':');
        if ((!value.StartsWith('[') && IPAddress.TryParse(value, out _)) || colon < 0
            || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            port = 0;
            return false;
        }

        var name = value[..colon].Trim('[', ']');
        host = name.Length == 0 ? "0.0.0.0" : name;
        return true;
    }
}

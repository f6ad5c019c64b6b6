namespace AwsIntegrations.Router.Routing;

/// <summary>Host header handling: case-insensitive, without a port and without a trailing dot.</summary>
public static class HostName
{
    /// <summary>The host part of a Host header value: no port (IPv6 brackets kept), no trailing dot. Not lower-cased (lookups ignore case).</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> host)
    {
        if (host.Length > 0 && host[0] == '[')
        {
            var close = host.IndexOf(']');
            return close < 0 ? host : host[..(close + 1)];
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0)
        {
            host = host[..colon];
        }

        return host.Length > 1 && host[^1] == '.' ? host[..^1] : host;
    }

    /// <summary>How a rule's host is stored: lower case, no trailing dot.</summary>
    public static string Normalize(string host) => Trim(host.Trim()).ToString().ToLowerInvariant();

    /// <summary>The part a one-label wildcard matches against: "a.b.example.com" → "b.example.com"; none for a single label.</summary>
    public static ReadOnlySpan<char> WildcardSuffix(ReadOnlySpan<char> host)
    {
        var dot = host.IndexOf('.');
        return dot <= 0 || dot == host.Length - 1 ? [] : host[(dot + 1)..];
    }
}

using Router.Backends;
using Yarp.ReverseProxy.Forwarder;

namespace Router.Routing;

/// <summary>One Ingress path (or defaultBackend) as the proxy uses it.</summary>
public sealed class Route
{
    public required string IngressNamespace { get; init; }

    public required string IngressName { get; init; }

    /// <summary>Normalized host ("" for host-less rules and the default backend; "*.example.com" for wildcards).</summary>
    public required string Host { get; init; }

    /// <summary>The Ingress path as written ("" for the default backend).</summary>
    public required string Path { get; init; }

    public required PathMatch Match { get; init; }

    public required Backend Backend { get; init; }

    public bool RedirectToHttps { get; init; }

    /// <summary>The Ingress's own backend timeout, when it sets one.</summary>
    public TimeSpan? Timeout { get; init; }

    public required ForwarderRequestConfig RequestConfig { get; init; }

    /// <summary>Metric labels of this route, built once.</summary>
    public required KeyValuePair<string, object?>[] Tags { get; init; }

    public string Ingress => IngressNamespace + "/" + IngressName;
}

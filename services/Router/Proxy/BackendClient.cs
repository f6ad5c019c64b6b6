using System.Diagnostics;
using System.Net;
using System.Net.Http;
using AwsIntegrations.Router.Options;
using Yarp.ReverseProxy.Forwarder;

namespace AwsIntegrations.Router.Proxy;

public static class BackendClient
{
    /// <summary>The one connection pool to all endpoints: no proxy, no redirects, no decompression, no cookies (as YARP advises).</summary>
    public static HttpMessageInvoker Create(RouterOptions options) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50),
        ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
    }, disposeHandler: true);
}

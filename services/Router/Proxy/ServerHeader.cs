using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AwsIntegrations.Router.Proxy;

/// <summary>
/// The Server field of every answer on the traffic port that has none: the backend's own is kept (skipper's addBranding in
/// proxy/proxy.go does the same with "Skipper"; the Ingress conformance suite expects one on every response). It is set before
/// response filters run, so dropResponseHeader("Server") still removes it.
/// </summary>
public static class ServerHeader
{
    public const string Value = "aws-integrations-router";

    private static readonly StringValues Values = new(Value);

    public static void AddIfAbsent(HttpResponse response)
    {
        if (response.Headers.Server.Count == 0)
        {
            response.Headers.Server = Values;
        }
    }
}

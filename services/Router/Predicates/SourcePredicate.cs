using System.Net;
using Microsoft.AspNetCore.Http;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Predicates;

/// <summary>
/// Source, SourceFromLast and ClientIP: the client's address (first X-Forwarded-For entry, last entry, or the peer) is in one
/// of the networks.
/// </summary>
public sealed class SourcePredicate(IPNetwork[] networks, Func<HttpRequest, IPAddress?> address) : IRequestPredicate
{
    public bool Matches(HttpRequest request)
    {
        var client = address(request);
        if (client is null)
        {
            return false;
        }

        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        foreach (var network in networks)
        {
            if (network.Contains(client))
            {
                return true;
            }
        }

        return false;
    }
}

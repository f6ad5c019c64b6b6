using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Predicates;

/// <summary>Host(/re/) matches the Host header as sent (port included); HostAny("a", "b") compares it exactly.</summary>
public sealed class HostPredicate(Regex? regex, string[] hosts) : IRequestPredicate
{
    public bool Matches(HttpRequest request)
    {
        var host = request.Host.Value ?? "";
        return regex?.IsMatch(host) ?? hosts.Contains(host, StringComparer.Ordinal);
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Predicates;

/// <summary>Header(name, value): one of the header's values equals it; HeaderRegexp(name, /re/): one matches.</summary>
public sealed class HeaderPredicate(string name, string? value, Regex? regex) : IRequestPredicate
{
    public bool Matches(HttpRequest request)
    {
        foreach (var candidate in request.Headers[name])
        {
            if (candidate is not null && (regex?.IsMatch(candidate) ?? string.Equals(candidate, value, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}

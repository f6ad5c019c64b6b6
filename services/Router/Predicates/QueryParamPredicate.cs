using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Predicates;

/// <summary>QueryParam(name): the parameter is present (even empty); QueryParam(name, /re/): one of its values matches.</summary>
public sealed class QueryParamPredicate(string name, Regex? regex) : IRequestPredicate
{
    public bool Matches(HttpRequest request)
    {
        if (!request.Query.TryGetValue(name, out var values))
        {
            return false;
        }

        if (regex is null)
        {
            return true;
        }

        foreach (var value in values)
        {
            if (regex.IsMatch(value ?? ""))
            {
                return true;
            }
        }

        return false;
    }
}

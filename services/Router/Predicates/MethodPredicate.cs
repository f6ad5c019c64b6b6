using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Predicates;

/// <summary>Method("GET") compares exactly; Methods("get", "POST") ignores case (skipper predicates/methods).</summary>
public sealed class MethodPredicate(string[] methods, bool ignoreCase) : IRequestPredicate
{
    private readonly StringComparison _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public bool Matches(HttpRequest request)
    {
        foreach (var method in methods)
        {
            if (string.Equals(request.Method, method, _comparison))
            {
                return true;
            }
        }

        return false;
    }
}

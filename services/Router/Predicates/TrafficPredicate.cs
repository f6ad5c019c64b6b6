using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Predicates;

/// <summary>
/// Traffic(chance): matches with that probability, drawn for every request. With a cookie name and a group, a request that
/// carries the cookie matches exactly when its value is the group (sticky traffic), otherwise by chance (predicates/traffic).
/// </summary>
public sealed class TrafficPredicate(double chance, string? cookie, string? group) : IRequestPredicate
{
    public double Chance => chance;

    public bool Matches(HttpRequest request)
    {
        if (cookie is not null && request.Cookies.TryGetValue(cookie, out var value))
        {
            return value == group;
        }

        return Random.Shared.NextDouble() < chance;
    }
}

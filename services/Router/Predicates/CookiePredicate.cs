using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Predicates;

/// <summary>Cookie(name, /re/): the request carries the cookie and its value matches.</summary>
public sealed class CookiePredicate(string name, Regex regex) : IRequestPredicate
{
    public bool Matches(HttpRequest request) => request.Cookies.TryGetValue(name, out var value) && regex.IsMatch(value ?? "");
}

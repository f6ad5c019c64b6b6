using System.Text.RegularExpressions;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// Regular expressions as skipper's Go code reads them (RE2): compiled non-backtracking, so matching is linear in the input
/// whatever the pattern (no ReDoS), and kept across builds so a rebuild does not compile them again. <c>(?P&lt;name&gt;</c>
/// (RE2's named group) is accepted.
/// </summary>
public sealed class RegexCache
{
    private readonly BuildCache<Regex> _cache = new();

    public int Count => _cache.Count;

    /// <summary>The compiled expression, or an exception whose message says why the pattern is invalid.</summary>
    public Regex Get(string pattern) => _cache.GetOrAdd(pattern, static p =>
        new Regex(p.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));

    public bool TryGet(string pattern, out Regex? regex, out string problem)
    {
        try
        {
            regex = Get(pattern);
            problem = "";
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            regex = null;
            problem = $"invalid regular expression \"{pattern}\": {e.Message}";
            return false;
        }
    }

    public void Sweep() => _cache.Sweep();
}

using System.Text.RegularExpressions;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>EC2 filters: Filter.N.Name with Filter.N.Value.M values (OR within a filter, AND across filters, * and ? wildcards).</summary>
public static class Ec2Filters
{
    public static List<(string Name, List<string> Values)> Parse(AwsCall call) =>
        call.Items("Filter").Select(p => (call.RequiredParam(p + "Name"), call.List(p + "Value"))).ToList();

    /// <summary>Keeps the items every filter matches; <paramref name="field"/> gives an item's values for a filter name (null: unknown filter).</summary>
    public static IEnumerable<T> Apply<T>(IEnumerable<T> items, List<(string Name, List<string> Values)> filters, Func<T, string, IEnumerable<string>?> field, Func<T, Dictionary<string, string>> tags)
    {
        foreach (var (name, _) in filters)
        {
            if (!name.StartsWith("tag:", StringComparison.Ordinal) && name != "tag-key" && items.Any() && field(items.First(), name) is null)
            {
                throw new AwsFault("InvalidParameterValue", $"The filter '{name}' is invalid");
            }
        }

        return items.Where(item => filters.All(f =>
        {
            var actual = f.Name switch
            {
                _ when f.Name.StartsWith("tag:", StringComparison.Ordinal) => tags(item).TryGetValue(f.Name[4..], out var v) ? [v] : [],
                "tag-key" => tags(item).Keys,
                _ => field(item, f.Name) ?? [],
            };
            return actual.Any(a => f.Values.Any(pattern => Glob(pattern).IsMatch(a)));
        }));
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}

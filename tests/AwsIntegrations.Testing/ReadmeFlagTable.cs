using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Testing;

/// <summary>
/// A service README's flag table, between <c>&lt;!-- flags:begin --&gt;</c> and <c>&lt;!-- flags:end --&gt;</c>, is the one
/// <see cref="FlagHelp.Markdown"/> generates from its options class. Run the README test with UPDATE_README=1 to rewrite it.
/// </summary>
public static class ReadmeFlagTable
{
    public const string Begin = "<!-- flags:begin -->";
    public const string End = "<!-- flags:end -->";

    public const string HowToRegenerate = "the README's flag table must be the generated one: run its README test with UPDATE_README=1 to rewrite it";

    /// <summary>The README of <paramref name="service"/> (a folder of services/), with its flag table rewritten when UPDATE_README=1.</summary>
    public static (string Written, string Generated) Compare(string service, ServiceOptions defaults)
    {
        var path = RepositoryRoot.Combine("services", service, "README.md");
        var generated = FlagHelp.Markdown(defaults).ReplaceLineEndings("\n").Trim();
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return ($"services/{service}/README.md has no {Begin} … {End} markers", generated);
        }

        if (Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            readme = readme[..(start + Begin.Length)] + "\n" + generated + "\n" + readme[end..];
            File.WriteAllText(path, readme);
            end = readme.IndexOf(End, StringComparison.Ordinal);
        }

        return (readme[(start + Begin.Length)..end].Trim(), generated);
    }
}

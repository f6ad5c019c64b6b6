using AwsIntegrations.Hosting.Options;
using Router.Options;
using Router.Tests.Support;

namespace Router.Tests.Options;

public sealed class ReadmeTests
{
    private const string Begin = "<!-- flags:begin -->\n";
    private const string End = "<!-- flags:end -->";

    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var readme = File.ReadAllText(RepositoryPaths.Readme);
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, "the README marks its flag table");
        var generated = FlagHelp.Markdown(new RouterOptions());
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(RepositoryPaths.Readme, readme[..(start + Begin.Length)] + generated + readme[end..]);
            readme = File.ReadAllText(RepositoryPaths.Readme);
            end = readme.IndexOf(End, StringComparison.Ordinal);
        }

        readme[(start + Begin.Length)..end].Should().Be(generated, "services/Router/README.md must list the flags as FlagHelp.Markdown renders them");
    }
}

using AwsIntegrations.Hosting.Options;
using AwsIntegrations.NodeGate.Options;

namespace AwsIntegrations.NodeGate.Tests.Options;

/// <summary>The README's flag table is the generated one, so the docs never drift from the code.</summary>
public class ReadmeTests
{
    private const string Begin = "<!-- flags:begin -->";
    private const string End = "<!-- flags:end -->";

    [Fact]
    public void Readme_FlagTable_MatchesTheGeneratedOne()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root(), "services", "NodeGate", "README.md"));
        var start = readme.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        var defaults = new NodeGateOptions();
        defaults.LeaderElection.Identity = ""; // the machine's hostname: not a default the README can show
        var generated = FlagHelp.Markdown(defaults).Trim();

        readme[start..end].Trim().Should().Be(generated, "services/NodeGate/README.md must hold this table between the markers:\n" + generated);
    }
}

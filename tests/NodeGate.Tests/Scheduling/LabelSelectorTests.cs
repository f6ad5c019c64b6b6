using AwsIntegrations.NodeGate.Scheduling;

namespace AwsIntegrations.NodeGate.Tests.Scheduling;

public class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["node-gate"] = "required", ["tier"] = "system", ["team"] = "platform" };

    [Theory]
    [InlineData("node-gate=required", true)]
    [InlineData("node-gate==required", true)]
    [InlineData("node-gate=optional", false)]
    [InlineData("tier!=system", false)]
    [InlineData("tier!=network", true)]
    [InlineData("tier in (system,network)", true)]
    [InlineData("tier in(network)", false)]
    [InlineData("tier notin (network, storage)", true)]
    [InlineData("tier notin (system)", false)]
    [InlineData("team", true)]
    [InlineData("owner", false)]
    [InlineData("!owner", true)]
    [InlineData("!team", false)]
    [InlineData("node-gate=required, tier in (system,network), !owner", true)]
    [InlineData("node-gate=required,team=storage", false)]
    [InlineData("example.com/critical notin (false)", true)]
    public void Matches_KubectlSyntax_AsTheApiServer(string selector, bool matches)
    {
        LabelSelector.Parse(selector).Matches(Labels).Should().Be(matches);
    }

    [Fact]
    public void Matches_ObjectWithoutLabels_OnlyNegativeRequirementsHold()
    {
        LabelSelector.Parse("!a,b notin (c)").Matches(null).Should().BeTrue();
        LabelSelector.Parse("a").Matches(null).Should().BeFalse();
    }

    [Theory]
    [InlineData("a=b,,c", "empty requirement")]
    [InlineData("tier in system", "parenthesised")]
    [InlineData("tier=sys tem", "invalid label value")]
    [InlineData("=x", "invalid label key")]
    [InlineData("bad key!x", "invalid label key")]
    public void Parse_BadSelector_ThrowsNamingTheProblem(string selector, string problem)
    {
        var act = () => LabelSelector.Parse(selector);

        act.Should().Throw<FormatException>().WithMessage($"*{problem}*");
    }
}

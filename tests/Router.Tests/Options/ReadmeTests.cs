using AwsIntegrations.Testing;
using Router.Options;

namespace Router.Tests.Options;

public sealed class ReadmeTests
{
    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var (written, generated) = ReadmeFlagTable.Compare("Router", new RouterOptions());

        written.Should().Be(generated, ReadmeFlagTable.HowToRegenerate);
    }
}

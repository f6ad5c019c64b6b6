using AwsIntegrations.Testing;
using AwsIntegrations.Router.Options;

namespace AwsIntegrations.Router.Tests.Options;

public sealed class ReadmeTests
{
    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var (written, generated) = ReadmeFlagTable.Compare("Router", new RouterOptions());

        written.Should().Be(generated, ReadmeFlagTable.HowToRegenerate);
    }
}

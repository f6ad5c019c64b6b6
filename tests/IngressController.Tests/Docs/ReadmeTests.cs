using AwsIntegrations.IngressController.Options;
using AwsIntegrations.Testing;

namespace AwsIntegrations.IngressController.Tests.Docs;

public class ReadmeTests
{
    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var (written, generated) = ReadmeFlagTable.Compare("IngressController", new IngressControllerOptions());

        written.Should().Be(generated, ReadmeFlagTable.HowToRegenerate);
    }
}

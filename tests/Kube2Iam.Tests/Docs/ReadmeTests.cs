using AwsIntegrations.Kube2Iam.Options;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kube2Iam.Tests.Docs;

public sealed class ReadmeTests
{
    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var (written, generated) = ReadmeFlagTable.Compare("Kube2Iam", new Kube2IamOptions());

        written.Should().Be(generated, ReadmeFlagTable.HowToRegenerate);
    }
}

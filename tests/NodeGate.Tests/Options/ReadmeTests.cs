using AwsIntegrations.NodeGate.Options;
using AwsIntegrations.Testing;

namespace AwsIntegrations.NodeGate.Tests.Options;

/// <summary>The README's flag table is the generated one, so the docs never drift from the code.</summary>
public class ReadmeTests
{
    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var defaults = new NodeGateOptions();
        defaults.LeaderElection.Namespace = "default"; // in a pod, the pod's own namespace: not a default the README can show
        var (written, generated) = ReadmeFlagTable.Compare("NodeGate", defaults);

        written.Should().Be(generated, ReadmeFlagTable.HowToRegenerate);
    }
}

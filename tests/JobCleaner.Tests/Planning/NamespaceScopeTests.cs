using AwsIntegrations.JobCleaner.Planning;

namespace AwsIntegrations.JobCleaner.Tests.Planning;

public class NamespaceScopeTests
{
    [Fact]
    public void Contains_NothingListed_IsEveryNamespace()
    {
        NamespaceScope.All.Contains("anything").Should().BeTrue();
    }

    [Fact]
    public void Contains_Included_IsOnlyThose()
    {
        var scope = new NamespaceScope(["batch", "etl"], []);

        scope.Contains("batch").Should().BeTrue();
        scope.Contains("web").Should().BeFalse();
    }

    [Fact]
    public void Contains_Excluded_IsNeverCleaned()
    {
        var scope = new NamespaceScope([], ["kube-system"]);

        scope.Contains("kube-system").Should().BeFalse();
        scope.Contains("batch").Should().BeTrue();
    }
}

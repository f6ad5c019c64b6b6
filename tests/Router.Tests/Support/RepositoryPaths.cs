using AwsIntegrations.Testing;

namespace AwsIntegrations.Router.Tests.Support;

/// <summary>Files of the source tree the Router's tests read.</summary>
public static class RepositoryPaths
{
    public static string TestData => RepositoryRoot.Combine("tests", "Router.Tests", "testdata");
}

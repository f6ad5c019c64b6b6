using AwsIntegrations.Testing;

namespace AwsIntegrations.Deploy.Tests;

public static class Repository
{
    public static string Root => RepositoryRoot.Path;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The built entry point of a service, e.g. services/Router/bin/Debug/net10.0/Router.dll.</summary>
    public static string ServiceAssembly(string service)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        return PathOf($"services/{service}/bin/{configuration}/net10.0/{service}.dll");
    }
}

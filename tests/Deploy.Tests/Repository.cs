namespace Deploy.Tests;

public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The built entry point of a service, e.g. services/Router/bin/Debug/net10.0/Router.dll.</summary>
    public static string ServiceAssembly(string service)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        return PathOf($"services/{service}/bin/{configuration}/net10.0/{service}.dll");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AwsIntegrations.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AwsIntegrations.sln not found");
    }
}

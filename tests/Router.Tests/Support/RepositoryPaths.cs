namespace Router.Tests.Support;

/// <summary>Files of the source tree (testdata, README), found from the test binaries by walking up to the solution.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestData => Path.Combine(Root, "tests", "Router.Tests", "testdata");

    public static string Readme => Path.Combine(Root, "services", "Router", "README.md");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AwsIntegrations.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AwsIntegrations.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace AwsIntegrations.Testing;

/// <summary>The checkout the tests run from: the folder above the test assembly that holds AwsIntegrations.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A path inside the repository, e.g. <c>RepositoryRoot.Combine("services", "Router", "README.md")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "AwsIntegrations.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AwsIntegrations.sln not found above " + AppContext.BaseDirectory);
    }
}

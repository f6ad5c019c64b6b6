namespace AwsIntegrations.NodeGate.Tests;

internal static class Repository
{
    /// <summary>The folder holding AwsIntegrations.sln, found upwards from the test binaries.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AwsIntegrations.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AwsIntegrations.sln not found above " + AppContext.BaseDirectory);
    }
}

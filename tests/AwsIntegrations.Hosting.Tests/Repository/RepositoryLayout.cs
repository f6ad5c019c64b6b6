using AwsIntegrations.Testing;

namespace AwsIntegrations.Hosting.Tests.Repository;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryLayout
{
    public static string Root => RepositoryRoot.Path;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Project paths listed in AwsIntegrations.sln, with forward slashes.</summary>
    public static IReadOnlyList<string> SolutionProjects() =>
        File.ReadLines(PathOf("AwsIntegrations.sln"))
            .Where(line => line.StartsWith("Project(", StringComparison.Ordinal))
            .Select(line => line.Split(',')[1].Trim().Trim('"').Replace('\\', '/'))
            .Where(path => path.EndsWith(".csproj", StringComparison.Ordinal))
            .ToList();
}

using AwsIntegrations.Hosting.Options;
using AwsIntegrations.JobCleaner.Metrics;
using AwsIntegrations.JobCleaner.Options;
using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.JobCleaner.Policy;

namespace JobCleaner.Tests.Docs;

/// <summary>The README is checked against the code, so the docs never drift from the flags, annotations and metrics.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "services", "JobCleaner", "README.md"));

    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var start = Readme.IndexOf("<!-- flags -->", StringComparison.Ordinal);
        var end = Readme.IndexOf("<!-- /flags -->", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the README marks its flag table with <!-- flags --> ... <!-- /flags -->");

        var table = Readme[(start + "<!-- flags -->".Length)..end].Trim();

        table.Should().Be(FlagHelp.Markdown(new JobCleanerOptions()).Trim(), "regenerate the table from FlagHelp.Markdown(new JobCleanerOptions())");
    }

    [Fact]
    public void Readme_NamesEveryAnnotationAndReason()
    {
        foreach (var annotation in CleanupAnnotations.All)
        {
            Readme.Should().Contain($"`{annotation}`");
        }

        foreach (var reason in Enum.GetValues<SkipReason>().Cast<Enum>().Concat(Enum.GetValues<DeleteReason>().Cast<Enum>()))
        {
            Readme.Should().Contain($"`{JobCleanerMetrics.Label(reason)}`");
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AwsIntegrations.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AwsIntegrations.sln not found");
    }
}

using AwsIntegrations.JobCleaner.Metrics;
using AwsIntegrations.JobCleaner.Options;
using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.JobCleaner.Policy;
using AwsIntegrations.Testing;

namespace AwsIntegrations.JobCleaner.Tests.Docs;

/// <summary>The README is checked against the code, so the docs never drift from the flags, annotations and metrics.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryRoot.Combine("services", "JobCleaner", "README.md"));

    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var (written, generated) = ReadmeFlagTable.Compare("JobCleaner", new JobCleanerOptions());

        written.Should().Be(generated, ReadmeFlagTable.HowToRegenerate);
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
}

using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.JobCleaner.Policy;
using AwsIntegrations.JobCleaner.Tests.Support;
using static AwsIntegrations.JobCleaner.Tests.Support.JobBuilder;

namespace AwsIntegrations.JobCleaner.Tests.Planning;

/// <summary>Flags, then namespace annotations, then the Job's own: what the planner decides with each.</summary>
public class ResolvedPolicyTests
{
    private static Decision Decide(k8s.Models.V1Job job, Dictionary<string, string>? namespaceAnnotations = null, CleanupPolicy? defaults = null) =>
        JobPlanner.Decide(job, Policies.For(job.Metadata.Annotations, namespaceAnnotations, defaults), false, Now);

    [Fact]
    public void Decide_JobAnnotationAge_OverridesTheFlag()
    {
        Decide(Succeeded(TimeSpan.FromMinutes(20)).Annotated(CleanupAnnotations.After, "15m")).Delete.Should().Be(DeleteReason.Succeeded);
        Decide(Succeeded(TimeSpan.FromHours(5)).Annotated(CleanupAnnotations.After, "24h")).Skip.Should().Be(SkipReason.NotDue);
    }

    [Fact]
    public void Decide_NamespaceAnnotationAge_AppliesToItsJobs()
    {
        var keepFailedForADay = new Dictionary<string, string> { [CleanupAnnotations.FailedAfter] = "24h" };

        Decide(Failed(TimeSpan.FromHours(5)), keepFailedForADay).Skip.Should().Be(SkipReason.NotDue);
        Decide(Succeeded(TimeSpan.FromHours(5)), keepFailedForADay).Delete.Should().Be(DeleteReason.Succeeded);
    }

    [Fact]
    public void Decide_JobAnnotation_WinsOverItsNamespace()
    {
        var namespaceAnnotations = new Dictionary<string, string> { [CleanupAnnotations.After] = "24h" };

        Decide(Succeeded(TimeSpan.FromHours(2)).Annotated(CleanupAnnotations.After, "1h"), namespaceAnnotations).Delete.Should().Be(DeleteReason.Succeeded);
    }

    [Fact]
    public void Decide_OptOutOnTheJob_KeepsItForever()
    {
        Decide(Succeeded(TimeSpan.FromDays(300)).Annotated(CleanupAnnotations.Disabled, "true")).Skip.Should().Be(SkipReason.OptedOut);
    }

    [Fact]
    public void Decide_OptOutOnTheNamespace_KeepsItsJobs_UnlessAJobOptsBackIn()
    {
        var disabled = new Dictionary<string, string> { [CleanupAnnotations.Disabled] = "true" };

        Decide(Succeeded(TimeSpan.FromDays(3)), disabled).Skip.Should().Be(SkipReason.OptedOut);
        Decide(Succeeded(TimeSpan.FromDays(3)).Annotated(CleanupAnnotations.Disabled, "false"), disabled).Delete.Should().Be(DeleteReason.Succeeded);
    }

    [Fact]
    public void Decide_CleanupTimeoutAnnotation_OverridesTheRunningTimeout()
    {
        Decide(Running(TimeSpan.FromMinutes(11)).Annotated(CleanupAnnotations.LegacyTimeout, "600")).Delete.Should().Be(DeleteReason.Timeout);
        var withFlag = Policies.Default with { Timeout = TimeSpan.FromMinutes(5) };
        Decide(Running(TimeSpan.FromHours(5)).Annotated(CleanupAnnotations.LegacyTimeout, "-1"), defaults: withFlag).Skip.Should().Be(SkipReason.Running);
        Decide(Running(TimeSpan.FromHours(5)).Annotated(CleanupAnnotations.Timeout, "6h"), defaults: withFlag).Skip.Should().Be(SkipReason.Running);
    }

    [Fact]
    public void Decide_InvalidJobAnnotation_KeepsTheJobAndSaysWhy()
    {
        var decision = Decide(Succeeded(TimeSpan.FromDays(3)).Annotated(CleanupAnnotations.LegacyTimeout, "ten minutes"));

        decision.Skip.Should().Be(SkipReason.InvalidAnnotation);
        decision.Detail.Should().Contain("cleanup-timeout=\"ten minutes\"");
    }

    [Fact]
    public void Decide_InvalidNamespaceAnnotation_KeepsItsJobs()
    {
        var decision = Decide(Succeeded(TimeSpan.FromDays(3)), new Dictionary<string, string> { [CleanupAnnotations.After] = "forever" });

        decision.Skip.Should().Be(SkipReason.InvalidAnnotation);
        decision.Detail.Should().StartWith("namespace annotation aws-integrations.io/cleanup-after=\"forever\"");
    }
}

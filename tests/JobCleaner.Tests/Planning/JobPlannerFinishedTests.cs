using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;
using AwsIntegrations.JobCleaner.Tests.Support;
using static AwsIntegrations.JobCleaner.Tests.Support.JobBuilder;

namespace AwsIntegrations.JobCleaner.Tests.Planning;

public class JobPlannerFinishedTests
{
    private static Decision Decide(V1Job job, CleanupPolicy? policy = null, bool includeCronJobJobs = false) =>
        JobPlanner.Decide(job, Policies.Resolved(policy), includeCronJobJobs, Now);

    [Fact]
    public void Decide_SucceededJobOlderThanItsAge_IsDeletedInTheBackground()
    {
        var decision = Decide(Succeeded(TimeSpan.FromMinutes(61)));

        decision.Delete.Should().Be(DeleteReason.Succeeded);
        decision.Propagation.Should().Be(PropagationPolicy.Background);
        decision.Detail.Should().Be("succeeded 1h1m ago, older than 1h");
    }

    [Fact]
    public void Decide_SucceededJobYoungerThanItsAge_IsKeptAsNotDue()
    {
        var decision = Decide(Succeeded(TimeSpan.FromMinutes(59)));

        decision.Skip.Should().Be(SkipReason.NotDue);
        decision.Detail.Should().Be("succeeded 59m ago, due after 1h");
    }

    [Fact]
    public void Decide_ExactlyAtItsAge_IsKeptUntilOlder()
    {
        Decide(Succeeded(TimeSpan.FromHours(1))).Skip.Should().Be(SkipReason.NotDue);
        Decide(Succeeded(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1))).Delete.Should().Be(DeleteReason.Succeeded);
    }

    [Fact]
    public void Decide_FailedJobWithoutCompletionTime_AgesFromItsFailedCondition()
    {
        var job = Failed(TimeSpan.FromMinutes(90));
        job.Status!.CompletionTime.Should().BeNull("the Job controller never sets it on failed Jobs");

        var decision = Decide(job);

        decision.Delete.Should().Be(DeleteReason.Failed);
        decision.Detail.Should().Be("failed 1h30m ago, older than 1h");
    }

    [Fact]
    public void Decide_SeparateAges_SucceededAndFailedUseTheirOwn()
    {
        var policy = Policies.Default with { SucceededAge = TimeSpan.FromMinutes(15), FailedAge = TimeSpan.FromHours(24) };

        Decide(Succeeded(TimeSpan.FromMinutes(20)), policy).Delete.Should().Be(DeleteReason.Succeeded);
        Decide(Failed(TimeSpan.FromMinutes(20)), policy).Skip.Should().Be(SkipReason.NotDue);
        Decide(Failed(TimeSpan.FromHours(25)), policy).Delete.Should().Be(DeleteReason.Failed);
    }

    [Fact]
    public void Decide_FailedBeforeAnyPodStarted_AgesFromTheCondition()
    {
        // activeDeadlineSeconds ran out before a pod started (kube-job-cleaner PR #20): no startTime, no completionTime.
        var job = New(status: new V1JobStatus
        {
            Conditions = [new V1JobCondition { Type = "Failed", Status = "True", Reason = "DeadlineExceeded", LastTransitionTime = (Now - TimeSpan.FromHours(2)).UtcDateTime }],
        });

        Decide(job).Delete.Should().Be(DeleteReason.Failed);
    }

    [Fact]
    public void Decide_ConditionTimeMissing_FallsBackToCompletionThenStartTime()
    {
        var withCompletion = New(status: new V1JobStatus
        {
            StartTime = (Now - TimeSpan.FromHours(3)).UtcDateTime,
            CompletionTime = (Now - TimeSpan.FromMinutes(30)).UtcDateTime,
            Conditions = [new V1JobCondition { Type = "Complete", Status = "True" }],
        });
        var withStartOnly = New(status: new V1JobStatus
        {
            StartTime = (Now - TimeSpan.FromHours(3)).UtcDateTime,
            Conditions = [new V1JobCondition { Type = "Failed", Status = "True" }],
        });

        Decide(withCompletion).Detail.Should().Be("succeeded 30m ago, due after 1h");
        Decide(withStartOnly).Detail.Should().Be("failed 3h ago, older than 1h");
    }

    [Fact]
    public void Decide_ConditionNotTrue_IsNotFinished()
    {
        var job = New(status: new V1JobStatus
        {
            Active = 1,
            StartTime = (Now - TimeSpan.FromHours(5)).UtcDateTime,
            Conditions = [new V1JobCondition { Type = "Failed", Status = "False", LastTransitionTime = (Now - TimeSpan.FromHours(4)).UtcDateTime }],
        });

        Decide(job).Skip.Should().Be(SkipReason.Running);
    }

    [Fact]
    public void Decide_SuccessCriteriaMetButNotComplete_IsStillRunning()
    {
        var job = New(status: new V1JobStatus
        {
            Active = 1,
            StartTime = (Now - TimeSpan.FromHours(5)).UtcDateTime,
            Conditions = [new V1JobCondition { Type = "SuccessCriteriaMet", Status = "True", LastTransitionTime = (Now - TimeSpan.FromHours(4)).UtcDateTime }],
        });

        Decide(job).Skip.Should().Be(SkipReason.Running);
    }

    [Fact]
    public void Decide_JobWithTtlSecondsAfterFinished_IsLeftToKubernetes()
    {
        var job = Succeeded(TimeSpan.FromDays(3));
        job.Spec!.TtlSecondsAfterFinished = 86400 * 7;

        var decision = Decide(job);

        decision.Skip.Should().Be(SkipReason.Ttl);
        decision.Detail.Should().Be("ttlSecondsAfterFinished=604800");
    }

    [Fact]
    public void Decide_FinishedJobOwnedByCronJob_IsLeftToItsHistoryLimits()
    {
        Decide(Succeeded(TimeSpan.FromDays(3)).OwnedBy("CronJob")).Skip.Should().Be(SkipReason.CronJob);
    }

    [Fact]
    public void Decide_IncludeCronJobJobs_DeletesThemToo()
    {
        Decide(Succeeded(TimeSpan.FromDays(3)).OwnedBy("CronJob"), includeCronJobJobs: true).Delete.Should().Be(DeleteReason.Succeeded);
    }

    [Fact]
    public void Decide_OwnedBySomethingElse_IsCleanedLikeAnyJob()
    {
        Decide(Succeeded(TimeSpan.FromDays(3)).OwnedBy("Workflow", "argoproj.io/v1alpha1")).Delete.Should().Be(DeleteReason.Succeeded);
        Decide(Succeeded(TimeSpan.FromDays(3)).OwnedBy("CronJob", "example.com/v1")).Delete.Should().Be(DeleteReason.Succeeded);
    }

    [Fact]
    public void Decide_JobBeingDeleted_IsKept()
    {
        var job = Succeeded(TimeSpan.FromDays(3));
        job.Metadata.DeletionTimestamp = (Now - TimeSpan.FromSeconds(5)).UtcDateTime;

        Decide(job).Skip.Should().Be(SkipReason.Deleting);
    }
}

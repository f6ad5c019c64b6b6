using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;
using AwsIntegrations.JobCleaner.Tests.Support;
using static AwsIntegrations.JobCleaner.Tests.Support.JobBuilder;

namespace AwsIntegrations.JobCleaner.Tests.Planning;

public class JobPlannerRunningTests
{
    private static readonly CleanupPolicy TwoHourTimeout = Policies.Default with { Timeout = TimeSpan.FromHours(2) };

    private static Decision Decide(V1Job job, CleanupPolicy? policy = null) => JobPlanner.Decide(job, Policies.Resolved(policy), false, Now);

    [Fact]
    public void Decide_RunningPastTheTimeout_IsDeletedInTheForegroundSoItsPodsStop()
    {
        var decision = Decide(Running(TimeSpan.FromHours(3)), TwoHourTimeout);

        decision.Delete.Should().Be(DeleteReason.Timeout);
        decision.Propagation.Should().Be(PropagationPolicy.Foreground);
        decision.Detail.Should().Be("running for 3h, longer than the timeout 2h");
    }

    [Fact]
    public void Decide_RunningWithinTheTimeout_IsKept()
    {
        Decide(Running(TimeSpan.FromMinutes(119)), TwoHourTimeout).Skip.Should().Be(SkipReason.Running);
    }

    [Fact]
    public void Decide_NoTimeout_RunningJobsAreNeverDeleted()
    {
        Decide(Running(TimeSpan.FromDays(30))).Skip.Should().Be(SkipReason.Running);
    }

    [Fact]
    public void Decide_JobWhosePodsNeverStarted_TimesOutFromItsCreation()
    {
        // An admission webhook refused the pods: the status stays empty (kube-job-cleaner PR #9).
        var job = New(status: null, created: Now - TimeSpan.FromHours(5));

        Decide(job, TwoHourTimeout with { FailedAge = TimeSpan.FromDays(1) }).Delete.Should().Be(DeleteReason.Timeout);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decide_EmptyStatusOlderThanTheAge_GoesFromItsCreationTimestamp(bool statusObject)
    {
        // kube-job-cleaner cleaner.py job_expired: `elif not status:` "fall back to creationTimestamp", aged by --seconds.
        var job = New(status: statusObject ? new V1JobStatus() : null, created: Now - TimeSpan.FromMinutes(61));

        var decision = Decide(job);

        decision.Delete.Should().Be(DeleteReason.NeverStarted, "the default policy has no timeout: kube-job-cleaner deletes it all the same");
        decision.Propagation.Should().Be(PropagationPolicy.Background);
        decision.Detail.Should().Be("never started (empty status), created 1h1m ago, older than 1h");
    }

    [Fact]
    public void Decide_EmptyStatusYoungerThanTheAge_IsKept()
    {
        var decision = Decide(New(status: new V1JobStatus(), created: Now - TimeSpan.FromMinutes(59)));

        decision.Skip.Should().Be(SkipReason.Running);
        decision.Detail.Should().Be("never started (empty status), created 59m ago, due after 1h");
    }

    [Fact]
    public void Decide_EmptyStatus_UsesTheFailedAge_AndIgnoresTtlAndCronJobOwners()
    {
        var policy = Policies.Default with { SucceededAge = TimeSpan.FromMinutes(5), FailedAge = TimeSpan.FromHours(6) };
        Decide(New(status: null, created: Now - TimeSpan.FromHours(5)), policy).Skip.Should().Be(SkipReason.Running);

        // Neither the TTL controller nor a CronJob's history limits remove a Job that never finished.
        var withTtl = New(status: null, spec: new V1JobSpec { TtlSecondsAfterFinished = 60 }, created: Now - TimeSpan.FromHours(2));
        Decide(withTtl).Delete.Should().Be(DeleteReason.NeverStarted);
        Decide(New(status: null, created: Now - TimeSpan.FromHours(2)).OwnedBy("CronJob")).Delete.Should().Be(DeleteReason.NeverStarted);
    }

    [Fact]
    public void Decide_StartedJobWithoutPods_IsRunningNotNeverStarted()
    {
        // The Job controller sets startTime on its first sync even when it cannot create pods: the timeout decides.
        var job = New(status: new V1JobStatus { Active = 0, StartTime = (Now - TimeSpan.FromHours(5)).UtcDateTime }, created: Now - TimeSpan.FromHours(5));

        Decide(job).Skip.Should().Be(SkipReason.Running);
        Decide(job, TwoHourTimeout).Delete.Should().Be(DeleteReason.Timeout);
    }

    [Fact]
    public void Decide_SuspendedJobWithEmptyStatus_IsKept()
    {
        var job = New(status: null, spec: new V1JobSpec { Suspend = true }, created: Now - TimeSpan.FromDays(3));

        Decide(job).Skip.Should().Be(SkipReason.Suspended);
    }

    [Fact]
    public void Decide_SuspendedJob_IsNotTimedOut()
    {
        var job = Running(TimeSpan.FromHours(5));
        job.Spec!.Suspend = true;

        Decide(job, TwoHourTimeout).Skip.Should().Be(SkipReason.Suspended);
    }

    [Fact]
    public void Decide_RunningJobWithTtlOrCronJobOwner_StillTimesOut()
    {
        var withTtl = Running(TimeSpan.FromHours(3));
        withTtl.Spec!.TtlSecondsAfterFinished = 60;

        Decide(withTtl, TwoHourTimeout).Delete.Should().Be(DeleteReason.Timeout);
        Decide(Running(TimeSpan.FromHours(3)).OwnedBy("CronJob"), TwoHourTimeout).Delete.Should().Be(DeleteReason.Timeout);
    }
}

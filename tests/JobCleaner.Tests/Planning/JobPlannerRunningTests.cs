using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;
using JobCleaner.Tests.Support;
using static JobCleaner.Tests.Support.JobBuilder;

namespace JobCleaner.Tests.Planning;

public class JobPlannerRunningTests
{
    private static readonly CleanupPolicy TwoHourTimeout = Policies.Default with { Timeout = TimeSpan.FromHours(2) };

    private static Decision Decide(Job job, CleanupPolicy? policy = null) => JobPlanner.Decide(job, Policies.Resolved(policy), false, Now);

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

        Decide(job, TwoHourTimeout).Delete.Should().Be(DeleteReason.Timeout);
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

using System.Text.Json;
using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.JobCleaner.Policy;
using k8s;
using k8s.Models;
using AwsIntegrations.JobCleaner.Tests.Support;
using static AwsIntegrations.JobCleaner.Tests.Support.JobBuilder;

namespace AwsIntegrations.JobCleaner.Tests.Planning;

public class FinishedPodPlannerTests
{
    private const string JobUid = "6f1c1f0e-8d8e-4a43-9a55-1b0f3c2f7a10";

    private static V1Pod JobPod(string phase, TimeSpan finishedAgo, bool ownerReference = true)
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "report-x7k2p",
                NamespaceProperty = "batch",
                CreationTimestamp = (Now - TimeSpan.FromDays(2)).UtcDateTime,
                Labels = new Dictionary<string, string>() { ["batch.kubernetes.io/controller-uid"] = JobUid, ["batch.kubernetes.io/job-name"] = "report" },
                OwnerReferences = ownerReference ? [new V1OwnerReference { ApiVersion = "batch/v1", Kind = "Job", Name = "report", Uid = JobUid, Controller = true }] : null,
            },
            Status = new V1PodStatus { Phase = phase, StartTime = (Now - TimeSpan.FromDays(1)).UtcDateTime },
        };
        pod.Status.ContainerStatuses = Statuses("main", "state", Now - finishedAgo);
        return pod;
    }

    private static List<V1ContainerStatus> Statuses(string container, string state, DateTimeOffset finishedAt)
    {
        var terminated = new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = 0, FinishedAt = finishedAt.UtcDateTime } };
        var status = new V1ContainerStatus { Name = container, State = state == "state" ? terminated : null, LastState = state == "lastState" ? terminated : null };
        return [status];
    }

    private static Decision? Decide(V1Pod pod, bool jobExists = false, ResolvedPolicy? policy = null, bool anyOwner = false) =>
        FinishedPodPlanner.Decide(pod, _ => jobExists, policy ?? Policies.Resolved(), anyOwner, Now);

    private static V1Pod OtherPod(string phase, TimeSpan finishedAgo, string? ownerKind)
    {
        var pod = JobPod(phase, finishedAgo, ownerReference: false);
        pod.Metadata.Labels = null;
        pod.Metadata.OwnerReferences = ownerKind is null ? null : [new V1OwnerReference { ApiVersion = "apps/v1", Kind = ownerKind, Name = "web", Uid = "u", Controller = true }];
        return pod;
    }

    [Fact]
    public void Decide_FinishedPodOfAGoneJob_GoesAfterTheAge()
    {
        var decision = Decide(JobPod("Succeeded", TimeSpan.FromMinutes(61)));

        decision!.Delete.Should().Be(DeleteReason.Orphan);
        decision.Detail.Should().Be("succeeded 1h1m ago, its Job is gone, older than 1h");
        Decide(JobPod("Succeeded", TimeSpan.FromMinutes(59)))!.Skip.Should().Be(SkipReason.NotDue);
    }

    [Fact]
    public void Decide_PodOrphanedByAnOrphanDelete_IsFoundByItsJobLabels()
    {
        // kube-job-cleaner deleted Jobs without propagation: the GC stripped the pods' ownerReferences.
        Decide(JobPod("Failed", TimeSpan.FromHours(2), ownerReference: false))!.Delete.Should().Be(DeleteReason.Orphan);
    }

    [Fact]
    public void Decide_PodOfALiveJob_IsNotAnOrphan()
    {
        Decide(JobPod("Succeeded", TimeSpan.FromDays(3)), jobExists: true).Should().BeNull();
    }

    [Fact]
    public void Decide_RunningPodOrPodOfAnotherOwner_IsNeverTouchedByDefault()
    {
        Decide(JobPod("Running", TimeSpan.FromDays(3))).Should().BeNull();
        Decide(OtherPod("Failed", TimeSpan.FromDays(3), "ReplicaSet")).Should().BeNull();
        Decide(OtherPod("Succeeded", TimeSpan.FromDays(3), null)).Should().BeNull();
    }

    [Fact]
    public void Decide_AnyOwner_FinishedPodsOfEveryOwnerGoAfterTheirAge()
    {
        // kube-job-cleaner cleaner.py pod_expired: every pod in phase Succeeded or Failed older than --seconds, whoever owns it.
        var bare = Decide(OtherPod("Succeeded", TimeSpan.FromMinutes(61), null), anyOwner: true);
        bare!.Delete.Should().Be(DeleteReason.Finished);
        bare.Detail.Should().Be("succeeded 1h1m ago, older than 1h");
        var evicted = OtherPod("Failed", TimeSpan.FromHours(2), "ReplicaSet");
        evicted.Status!.Reason = "Evicted";
        Decide(evicted, anyOwner: true)!.Delete.Should().Be(DeleteReason.Finished);
        Decide(OtherPod("Failed", TimeSpan.FromMinutes(59), "ReplicaSet"), anyOwner: true)!.Skip.Should().Be(SkipReason.NotDue);
        Decide(OtherPod("Running", TimeSpan.FromDays(3), "ReplicaSet"), anyOwner: true).Should().BeNull("only finished pods are swept");
    }

    [Fact]
    public void Decide_AnyOwner_PodsOfJobsThatStillExistGoWithTheirJob()
    {
        Decide(JobPod("Succeeded", TimeSpan.FromDays(3)), jobExists: true, anyOwner: true).Should().BeNull();
        Decide(JobPod("Succeeded", TimeSpan.FromDays(3)), jobExists: false, anyOwner: true)!.Delete.Should().Be(DeleteReason.Orphan);
    }

    [Fact]
    public void Decide_PreemptingPod_GoesAtOnce()
    {
        // kube-job-cleaner cleaner.py pod_expired: "preempting pods don't have any container information, so let's remove them immediately".
        var pod = OtherPod("Failed", TimeSpan.FromSeconds(5), "ReplicaSet");
        pod.Status!.Reason = "Preempting";

        var decision = Decide(pod, anyOwner: true);

        decision!.Delete.Should().Be(DeleteReason.Preempted);
        decision.Detail.Should().Be("failed, preempted");
    }

    [Fact]
    public void Decide_AnyOwner_OptedOutPodsStay()
    {
        var pod = OtherPod("Succeeded", TimeSpan.FromDays(3), null);
        pod.Metadata.Annotations = new Dictionary<string, string>() { [CleanupAnnotations.Disabled] = "true" };

        Decide(pod, policy: Policies.For(pod.Metadata.Annotations), anyOwner: true)!.Skip.Should().Be(SkipReason.OptedOut);
    }

    [Fact]
    public void Decide_FailedOrphan_UsesTheFailedAge()
    {
        var policy = Policies.Resolved(Policies.Default with { FailedAge = TimeSpan.FromHours(24) });

        Decide(JobPod("Failed", TimeSpan.FromHours(2)), policy: policy)!.Skip.Should().Be(SkipReason.NotDue);
    }

    [Fact]
    public void Decide_OrphanWithOptOutOrBadAnnotation_IsKept()
    {
        Decide(JobPod("Failed", TimeSpan.FromDays(2)), policy: Policies.For(new Dictionary<string, string> { [CleanupAnnotations.Disabled] = "true" }))!.Skip.Should().Be(SkipReason.OptedOut);
        Decide(JobPod("Failed", TimeSpan.FromDays(2)), policy: Policies.For(new Dictionary<string, string> { [CleanupAnnotations.After] = "later" }))!.Skip.Should().Be(SkipReason.InvalidAnnotation);
    }

    [Fact]
    public void Finished_TakesTheLatestContainerFinish_ThenReadyFalse_ThenStartTime()
    {
        var pod = JobPod("Failed", TimeSpan.FromHours(3));
        pod.Status!.InitContainerStatuses = Statuses("init", "lastState", Now - TimeSpan.FromHours(1));
        PodTimes.Finished(pod).Should().Be(Now - TimeSpan.FromHours(1));

        pod.Status.ContainerStatuses = null;
        pod.Status.InitContainerStatuses = null;
        pod.Status.Conditions = [new V1PodCondition { Type = "Ready", Status = "False", LastTransitionTime = (Now - TimeSpan.FromHours(4)).UtcDateTime }];
        PodTimes.Finished(pod).Should().Be(Now - TimeSpan.FromHours(4));

        pod.Status.Conditions = null;
        PodTimes.Finished(pod).Should().Be(Now - TimeSpan.FromDays(1));
    }
}

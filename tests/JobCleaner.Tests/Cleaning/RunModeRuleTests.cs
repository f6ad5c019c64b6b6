using AwsIntegrations.JobCleaner.Cleaning;
using k8s;
using k8s.Models;

namespace AwsIntegrations.JobCleaner.Tests.Cleaning;

public class RunModeRuleTests
{
    private static V1Pod PodOwnedBy(string? kind, string apiVersion = "batch/v1") => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "kube-job-cleaner-29000017-x7k2p",
            NamespaceProperty = "kube-job-cleaner",
            OwnerReferences = kind is null ? null : [new V1OwnerReference { ApiVersion = apiVersion, Kind = kind, Name = "kube-job-cleaner-29000017", Uid = "u", Controller = true }],
        },
    };

    [Theory]
    [InlineData(true, null, RunMode.Once)]
    [InlineData(false, null, RunMode.Loop)]
    [InlineData(true, 30, RunMode.Once)]
    [InlineData(false, 30, RunMode.Loop)]
    [InlineData(null, 30, RunMode.Loop)]
    public void FromFlags_OnceOrIntervalGiven_Decides(bool? once, int? intervalSeconds, RunMode mode)
    {
        RunModeRule.FromFlags(once, intervalSeconds is { } s ? TimeSpan.FromSeconds(s) : null).Should().Be(mode);
    }

    [Fact]
    public void FromFlags_NeitherGiven_LeavesItToThePod()
    {
        // kube-job-cleaner deploy/cronjob.yaml runs the image with no args at all.
        RunModeRule.FromFlags(null, null).Should().BeNull();
    }

    [Fact]
    public void ForOwnPod_AJobsPod_RunsOnce()
    {
        // kube-job-cleaner deploy/cronjob.yaml: a CronJob whose Job's pod runs one pass and exits (restartPolicy: OnFailure).
        var (mode, why) = RunModeRule.ForOwnPod(PodOwnedBy("Job"), "kube-job-cleaner", "kube-job-cleaner-29000017-x7k2p");

        mode.Should().Be(RunMode.Once);
        why.Should().Be("pod kube-job-cleaner/kube-job-cleaner-29000017-x7k2p belongs to Job kube-job-cleaner-29000017, as a CronJob's run does");
    }

    [Theory]
    [InlineData("ReplicaSet", "apps/v1")]
    [InlineData("StatefulSet", "apps/v1")]
    [InlineData("Job", "example.com/v1")]
    [InlineData(null, "")]
    public void ForOwnPod_AnyOtherPodOrNone_KeepsRunning(string? kind, string apiVersion)
    {
        RunModeRule.ForOwnPod(PodOwnedBy(kind, apiVersion), "ops", "job-cleaner-5d8f7-abcde").Mode.Should().Be(RunMode.Loop);
        RunModeRule.ForOwnPod(null, "default", "laptop").Should().Be((RunMode.Loop, "no pod default/laptop found, so not a Job's pod"));
    }
}

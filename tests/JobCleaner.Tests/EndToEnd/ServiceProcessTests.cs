using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AwsIntegrations.Testing;
using AwsIntegrations.JobCleaner.Tests.Support;

namespace AwsIntegrations.JobCleaner.Tests.EndToEnd;

/// <summary>The service as users run it: a child process with kube-job-cleaner's flags against the Kubernetes emulator.</summary>
public class ServiceProcessTests : ClusterTest
{
    public ServiceProcessTests()
        : base(DateTimeOffset.UtcNow)
    {
    }

    private string Kubeconfig => Kube.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"jobcleaner-{Guid.NewGuid():N}.kubeconfig"));

    [Fact]
    public async Task Service_CleansFinishedAndOverrunningJobs_ServesMetrics_AndStopsOnSigterm()
    {
        Namespace("batch");
        var old = FinishedJob("batch", "old", TimeSpan.FromHours(2));
        JobPod("batch", "old-a", "old", old, "Succeeded", TimeSpan.FromHours(2));
        FinishedJob("batch", "young", TimeSpan.FromMinutes(5));
        var stuck = RunningJob("batch", "stuck", TimeSpan.FromHours(3));
        JobPod("batch", "stuck-a", "stuck", stuck, "Running");

        await using var service = JobCleanerProcess.Start(Kubeconfig, "cleaner-0", "--seconds", "3600", "--timeout-seconds", "7200", "--interval", "1s");

        await Eventually.HoldsAsync(() => !Exists("Job", "batch", "old") && !Exists("Job", "batch", "stuck"), "the old and the overrunning Job are deleted\n" + service.Process.Output);
        Exists("Pod", "batch", "old-a").Should().BeFalse();
        Exists("Pod", "batch", "stuck-a").Should().BeFalse();
        Exists("Job", "batch", "young").Should().BeTrue();
        await Eventually.HoldsAsync(() => service.Logged("Pass ended"), "the pass is logged");
        service.Logged("Deleted Job batch/old (succeeded: succeeded 2h").Should().BeTrue(service.Process.Output);
        service.Logged("Deleted Job batch/stuck (timeout: running for 3h").Should().BeTrue(service.Process.Output);
        service.Logged("longer than the timeout 2h; propagation Foreground)").Should().BeTrue(service.Process.Output);

        var metrics = await service.MetricsAsync();
        metrics.Split('\n').Should().Contain(l => l.StartsWith("jobcleaner_jobs_deleted_total{", StringComparison.Ordinal) && l.Contains("reason=\"succeeded\"", StringComparison.Ordinal) && l.Contains("dry_run=\"false\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        metrics.Split('\n').Should().Contain(l => l.StartsWith("jobcleaner_jobs_deleted_total{", StringComparison.Ordinal) && l.Contains("reason=\"timeout\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        metrics.Should().Contain("jobcleaner_jobs_skipped{reason=\"not-due\"} 1").And.Contain("jobcleaner_pass_duration_seconds_count").And.Contain("jobcleaner_last_success_timestamp_seconds");
        var lease = Kube.Get("Lease", "kube-system", "job-cleaner");
        ((string?)lease?["spec"]?["holderIdentity"]).Should().Be("cleaner-0", "the Lease is named after the service, in POD_NAMESPACE");

        service.Process.SendSignal(PosixSignal.SIGTERM);
        (await service.Process.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(0, service.Process.Output);
    }

    [Fact]
    public async Task Service_DryRun_ChangesNothingAndLogsWhatItWouldDo()
    {
        Namespace("batch");
        FinishedJob("batch", "old", TimeSpan.FromHours(2), failed: true);

        await using var service = JobCleanerProcess.Start(Kubeconfig, "cleaner-0", "--dry-run", "--interval", "1s");

        await Eventually.HoldsAsync(() => service.Process.StandardOutput.Any(l => l.Contains("Would delete Job batch/old (failed: failed 2h", StringComparison.Ordinal) && l.EndsWith("older than 1h) ** DRY RUN **", StringComparison.Ordinal)), "the dry run logs the deletion\n" + service.Process.Output);
        Exists("Job", "batch", "old").Should().BeTrue();
        Kube.Requests.Should().NotContain(r => r.Verb == "delete");
    }

    [Fact]
    public async Task Service_TwoReplicas_OnlyTheLeaderCleans_AndTheOtherTakesOver()
    {
        Namespace("batch");
        var config = Kubeconfig;
        string[] fast = ["--interval", "300ms", "--leader-elect-lease-duration", "3s", "--leader-elect-renew-deadline", "2s", "--leader-elect-retry-period", "500ms"];
        await using var a = JobCleanerProcess.Start(config, "replica-a", fast);
        await using var b = JobCleanerProcess.Start(config, "replica-b", fast);

        string? Holder() => (string?)Kube.Get("Lease", "kube-system", "job-cleaner")?["spec"]?["holderIdentity"];
        await Eventually.HoldsAsync(() => Holder() is "replica-a" or "replica-b", "one replica holds the Lease\n" + a.Process.Output + b.Process.Output);
        var (leader, follower) = Holder() == "replica-a" ? (a, b) : (b, a);
        FinishedJob("batch", "first", TimeSpan.FromHours(2));
        await Eventually.HoldsAsync(() => !Exists("Job", "batch", "first"), "the leader deletes the Job\n" + leader.Process.Output);
        await Eventually.HoldsAsync(() => leader.Process.StandardOutput.Count(l => l.Contains("Pass ended", StringComparison.Ordinal)) >= 3, "the leader keeps passing");

        follower.Logged("Pass ended").Should().BeFalse("only the leader runs passes\n" + follower.Process.Output);
        leader.Logged("Deleted Job batch/first").Should().BeTrue();

        leader.Process.SendSignal(PosixSignal.SIGTERM);
        (await leader.Process.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(0, leader.Process.Output);
        await Eventually.HoldsAsync(() => Holder() == follower.Name, "the other replica takes the released Lease\n" + follower.Process.Output);
        FinishedJob("batch", "second", TimeSpan.FromHours(2));
        await Eventually.HoldsAsync(() => !Exists("Job", "batch", "second"), "the new leader deletes the next Job\n" + follower.Process.Output);
        await Eventually.HoldsAsync(() => follower.Logged("Deleted Job batch/second"), "the new leader logs the deletion");
    }

    [Fact]
    public async Task Service_Once_RunsOnePassAndExitsLikeTheCronJob()
    {
        Namespace("batch");
        FinishedJob("batch", "old", TimeSpan.FromHours(2));
        FinishedJob("batch", "young", TimeSpan.FromMinutes(5));

        await using var service = JobCleanerProcess.Start(Kubeconfig, "cleaner-0", "--once", "--seconds", "3600");

        (await service.Process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, service.Process.Output);
        Exists("Job", "batch", "old").Should().BeFalse();
        Exists("Job", "batch", "young").Should().BeTrue();
        Kube.Get("Lease", "kube-system", "job-cleaner").Should().BeNull("a single pass takes no Lease");
    }

    [Fact]
    public async Task KubeJobCleanersCronJob_WithOnlyTheImageChanged_RunsOnePassAndExits()
    {
        // hjacobs/kube-job-cleaner deploy/cronjob.yaml: a CronJob in namespace kube-job-cleaner whose container has no args and
        // no env; deploy/rbac.yaml binds the `edit` ClusterRole. Only the image is ours. What the CronJob and Job controllers make
        // of it: a Job owned by the CronJob, and a pod owned by that Job, named after it.
        Namespace("kube-job-cleaner");
        Kube.Create("CronJob", "kube-job-cleaner", (JsonObject)JsonNode.Parse("""
            {"metadata":{"name":"kube-job-cleaner","labels":{"application":"kube-job-cleaner","version":"0.1"}},
             "spec":{"schedule":"17 * * * *","jobTemplate":{"spec":{"template":{
               "metadata":{"labels":{"application":"kube-job-cleaner","version":"0.1"}},
               "spec":{"serviceAccountName":"kube-job-cleaner","restartPolicy":"OnFailure","containers":[{"name":"cleaner","image":"aws-integrations/jobcleaner:latest",
                 "resources":{"limits":{"cpu":"200m","memory":"100Mi"},"requests":{"cpu":"50m","memory":"50Mi"}}}]}}}}}}
            """)!);
        var cronJob = Kube.Get("CronJob", "kube-job-cleaner", "kube-job-cleaner")!;
        var run = Job("kube-job-cleaner", "kube-job-cleaner-29000017", new JsonObject { ["active"] = 1, ["startTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) }, null, null, null,
            new JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "CronJob", ["name"] = "kube-job-cleaner", ["uid"] = (string)cronJob["metadata"]!["uid"]!, ["controller"] = true });
        JobPod("kube-job-cleaner", "kube-job-cleaner-29000017-x7k2p", "kube-job-cleaner-29000017", run, "Running");
        Namespace("batch");
        FinishedJob("batch", "old", TimeSpan.FromHours(2));
        FinishedJob("batch", "young", TimeSpan.FromMinutes(5));
        var kubeconfig = Kubeconfig;
        File.WriteAllText(kubeconfig, File.ReadAllText(kubeconfig).Replace("namespace: default", "namespace: kube-job-cleaner", StringComparison.Ordinal));

        await using var service = JobCleanerProcess.StartWithoutArguments(kubeconfig, "kube-job-cleaner-29000017-x7k2p");

        (await service.Process.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, "the CronJob's pod must finish\n" + service.Process.Output);
        Exists("Job", "batch", "old").Should().BeFalse(service.Process.Output);
        Exists("Job", "batch", "young").Should().BeTrue();
        Exists("Job", "kube-job-cleaner", "kube-job-cleaner-29000017").Should().BeTrue("its own run is a running Job");
        service.Logged("Running one pass, then exit: pod kube-job-cleaner/kube-job-cleaner-29000017-x7k2p belongs to Job kube-job-cleaner-29000017").Should().BeTrue(service.Process.Output);
        service.Process.StandardOutput.Count(l => l.Contains("Pass ended", StringComparison.Ordinal)).Should().Be(1);
        Kube.All("Lease").Should().BeEmpty("a single pass takes no Lease");
        Kube.Requests.Should().Contain(("list", "pods"), "its own pod is found with the list verb kube-job-cleaner's RBAC grants");
    }

    [Fact]
    public async Task NoArgumentsInADeploymentsPod_KeepsRunningUnderTheLease()
    {
        // The same image with no args in a Deployment's pod (owned by a ReplicaSet) must not stop after one pass.
        Namespace("ops");
        OtherPod("ops", "job-cleaner-5d8f7c9b4-abcde", "Running", owner: ("apps/v1", "ReplicaSet", "job-cleaner-5d8f7c9b4"));
        Namespace("batch");
        FinishedJob("batch", "old", TimeSpan.FromHours(2));
        var kubeconfig = Kubeconfig;
        File.WriteAllText(kubeconfig, File.ReadAllText(kubeconfig).Replace("namespace: default", "namespace: ops", StringComparison.Ordinal));

        await using var service = JobCleanerProcess.StartWithoutArguments(kubeconfig, "job-cleaner-5d8f7c9b4-abcde");

        await Eventually.HoldsAsync(() => !Exists("Job", "batch", "old"), "the leader cleans\n" + service.Process.Output);
        ((string?)Kube.Get("Lease", "default", "job-cleaner")?["spec"]?["holderIdentity"]).Should().NotBeNullOrEmpty("it cleans under the Lease (in --leader-election-namespace: POD_NAMESPACE, else default)");
        service.Logged("Running a pass every --interval: pod ops/job-cleaner-5d8f7c9b4-abcde belongs to ReplicaSet job-cleaner-5d8f7c9b4, not to a Job").Should().BeTrue(service.Process.Output);
        service.Process.HasExited.Should().BeFalse();

        service.Process.SendSignal(PosixSignal.SIGTERM);
        (await service.Process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, service.Process.Output);
    }

    [Fact]
    public async Task Service_OnceAndThePassFails_ExitsWithOne()
    {
        Kube.Faults.Fail("list", "jobs", 403);

        await using var service = JobCleanerProcess.Start(Kubeconfig, "cleaner-0", "--once");

        (await service.Process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(1, service.Process.Output);
        service.Logged("403").Should().BeTrue(service.Process.Output);
    }

    [Fact]
    public async Task Service_BadFlag_ExitsWithTheReason()
    {
        await using var service = JobCleanerProcess.Start(Kubeconfig, "cleaner-0", "--seconds", "an hour");

        (await service.Process.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(2);
        service.Process.StandardError.Should().Contain(l => l.Contains("invalid value \"an hour\" for --seconds: must be an integer", StringComparison.Ordinal));
    }
}

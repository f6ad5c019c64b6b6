using System.Runtime.InteropServices;
using AwsIntegrations.Testing;
using JobCleaner.Tests.Support;

namespace JobCleaner.Tests.EndToEnd;

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

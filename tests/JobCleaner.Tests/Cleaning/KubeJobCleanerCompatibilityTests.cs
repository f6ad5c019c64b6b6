using System.Text.Json.Nodes;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.JobCleaner.Cleaning;
using AwsIntegrations.JobCleaner.Options;
using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.JobCleaner.Policy;
using AwsIntegrations.JobCleaner.Tests.Support;

namespace AwsIntegrations.JobCleaner.Tests.Cleaning;

/// <summary>
/// kube-job-cleaner's own behaviour (hjacobs/kube-job-cleaner cleaner.py), run as passes against the Kubernetes emulator with
/// its flags and annotations: what a cluster that switches keeps seeing.
/// </summary>
public class KubeJobCleanerCompatibilityTests : ClusterTest
{
    public KubeJobCleanerCompatibilityTests()
        : base(DateTimeOffset.UtcNow)
    {
    }

    private static CleanerSettings Flags(params string[] args) => CleanerSettings.From(FlagBinder.Bind<JobCleanerOptions>(args, _ => null));

    [Fact]
    public async Task TimeoutSecondsZero_NeverDeletesARunningJob()
    {
        // cleaner.py job_expired: `if cleanup_timeout > 0 and seconds_since_start > cleanup_timeout`: 0 (and any value below) means never.
        Namespace("batch");
        var etl = RunningJob("batch", "etl", TimeSpan.FromHours(3));
        JobPod("batch", "etl-a", "etl", etl, "Running");
        RunningJob("batch", "backfill", TimeSpan.FromDays(2));

        foreach (var value in new[] { "0", "-1", "-5" })
        {
            var result = await Pass(Flags("--timeout-seconds", value)).RunAsync(default);

            result.Skipped(SkipReason.Running).Should().Be(2, $"--timeout-seconds {value} never times out");
        }

        Kube.All("Job").Should().HaveCount(2);
        Exists("Pod", "batch", "etl-a").Should().BeTrue();
        Http.Deletes.Should().BeEmpty();
    }

    [Fact]
    public async Task CleanupTimeoutAnnotationZero_NeverTimesOut_EvenUnderAFlagTimeout()
    {
        // cleaner.py: `cleanup_timeout = int(annotations.get('cleanup-timeout', timeout_seconds))`, then `if cleanup_timeout > 0`.
        Namespace("batch");
        RunningJob("batch", "zero", TimeSpan.FromHours(3), new() { [CleanupAnnotations.LegacyTimeout] = "0" });
        RunningJob("batch", "minus-one", TimeSpan.FromHours(3), new() { [CleanupAnnotations.LegacyTimeout] = "-1" });
        RunningJob("batch", "ours-zero", TimeSpan.FromHours(3), new() { [CleanupAnnotations.Timeout] = "0s" });
        RunningJob("batch", "ten-minutes", TimeSpan.FromMinutes(11), new() { [CleanupAnnotations.LegacyTimeout] = "600" });
        RunningJob("batch", "by-flag", TimeSpan.FromHours(3));

        var result = await Pass(Flags("--timeout-seconds", "3600")).RunAsync(default);

        result.Deleted("Job", DeleteReason.Timeout).Should().Be(2);
        Kube.All("Job").Select(j => (string)j["metadata"]!["name"]!).Should().BeEquivalentTo("zero", "minus-one", "ours-zero");
    }

    [Fact]
    public async Task JobWithAnEmptyStatus_IsDeletedSecondsAfterItsCreation()
    {
        // cleaner.py job_expired: `elif not status:` "this can happen if the image policy webhook prevents job pods from being
        // created, fall back to creationTimestamp", then `if seconds_since_completion > max_age` (--seconds).
        Namespace("batch");
        Job("batch", "blocked", new JsonObject(), null, null, null, null);
        Job("batch", "blocked-cron", new JsonObject(), null, null, null, new JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "CronJob", ["name"] = "nightly", ["uid"] = Guid.NewGuid().ToString(), ["controller"] = true });
        RunningJob("batch", "started", TimeSpan.FromMinutes(1));
        var settings = Flags("--seconds", "3600");

        (await Pass(settings).RunAsync(default)).Skipped(SkipReason.Running).Should().Be(3, "they are an hour younger than --seconds");

        Clock.Advance(TimeSpan.FromMinutes(61));
        var result = await Pass(settings).RunAsync(default);

        result.Deleted("Job", DeleteReason.NeverStarted).Should().Be(2);
        Kube.All("Job").Select(j => (string)j["metadata"]!["name"]!).Should().Equal("started");
        Logs.Lines.Should().Contain(l => l.Contains("Deleted Job batch/blocked (never-started: never started (empty status), created 1h1m", StringComparison.Ordinal)
            && l.EndsWith("older than 1h; propagation Background)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteFinishedPods_SweepsFinishedPodsOfEveryOwner_AsKubeJobCleanerDid()
    {
        // cleaner.py pod_expired: every pod in phase Succeeded or Failed older than --seconds (its containers' latest finishedAt,
        // else creationTimestamp), whoever owns it; `status.reason == 'Preempting'` at once.
        Namespace("web");
        OtherPod("web", "debug-shell", "Succeeded", TimeSpan.FromHours(2));
        OtherPod("web", "api-7d9c-evicted", "Failed", TimeSpan.FromHours(2), ("apps/v1", "ReplicaSet", "api-7d9c"), reason: "Evicted");
        OtherPod("web", "api-7d9c-preempted", "Failed", owner: ("apps/v1", "ReplicaSet", "api-7d9c"), reason: "Preempting");
        OtherPod("web", "api-7d9c-young", "Failed", TimeSpan.FromMinutes(10), ("apps/v1", "ReplicaSet", "api-7d9c"), reason: "Evicted");
        OtherPod("web", "api-7d9c-running", "Running", owner: ("apps/v1", "ReplicaSet", "api-7d9c"));
        var kept = FinishedJob("web", "report", TimeSpan.FromMinutes(5));
        JobPod("web", "report-retry", "report", kept, "Failed", TimeSpan.FromHours(2));
        JobPod("web", "gone-a", "gone", Guid.NewGuid().ToString(), "Succeeded", TimeSpan.FromHours(2));

        var byDefault = await Pass(Flags()).RunAsync(default);
        byDefault.DeletedPods.Should().Be(0, "without a pod flag no pod is listed or deleted");
        Http.Requests.Should().NotContain(r => r.Path.Contains("/pods", StringComparison.Ordinal));

        var result = await Pass(Flags("--delete-finished-pods")).RunAsync(default);

        result.Deleted("Pod", DeleteReason.Finished).Should().Be(2);
        result.Deleted("Pod", DeleteReason.Preempted).Should().Be(1);
        result.Deleted("Pod", DeleteReason.Orphan).Should().Be(1);
        Kube.All("Pod").Select(p => (string)p["metadata"]!["name"]!).Should().BeEquivalentTo(
            ["api-7d9c-young", "api-7d9c-running", "report-retry"], "young and running pods stay, and a kept Job keeps its pods");
    }
}

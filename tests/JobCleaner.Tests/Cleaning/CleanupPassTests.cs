using AwsIntegrations.JobCleaner.Cleaning;
using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.JobCleaner.Policy;
using AwsIntegrations.JobCleaner.Tests.Support;

namespace AwsIntegrations.JobCleaner.Tests.Cleaning;

/// <summary>Passes against the Kubernetes emulator over HTTP: what a user sees in the cluster afterwards.</summary>
public class CleanupPassTests : ClusterTest
{
    [Fact]
    public async Task RunAsync_FinishedJobsAndTheirPods_GoAfterTheirAgeAndNotBefore()
    {
        Namespace("batch");
        var report = FinishedJob("batch", "report", TimeSpan.FromMinutes(30));
        JobPod("batch", "report-a", "report", report, "Succeeded", TimeSpan.FromMinutes(30));
        JobPod("batch", "report-b", "report", report, "Failed", TimeSpan.FromMinutes(32));
        var import = FinishedJob("batch", "import", TimeSpan.FromMinutes(10), failed: true);
        JobPod("batch", "import-a", "import", import, "Failed", TimeSpan.FromMinutes(10));
        var pass = Pass();

        (await pass.RunAsync(default)).Skipped(SkipReason.NotDue).Should().Be(2);
        Kube.All("Job").Should().HaveCount(2);
        Kube.All("Pod").Should().HaveCount(3);

        Clock.Advance(TimeSpan.FromMinutes(31));
        (await pass.RunAsync(default)).Deleted("Job", DeleteReason.Succeeded).Should().Be(1);
        Exists("Job", "batch", "report").Should().BeFalse();
        Exists("Pod", "batch", "report-a").Should().BeFalse("the Job was deleted with propagation, so its pods went with it");
        Exists("Pod", "batch", "report-b").Should().BeFalse();
        Exists("Job", "batch", "import").Should().BeTrue("it failed 41 minutes ago");
        Exists("Pod", "batch", "import-a").Should().BeTrue();

        Clock.Advance(TimeSpan.FromMinutes(20));
        (await pass.RunAsync(default)).Deleted("Job", DeleteReason.Failed).Should().Be(1, "failed Jobs have no completionTime; their Failed condition dates them");
        Kube.All("Job").Should().BeEmpty();
        Kube.All("Pod").Should().BeEmpty();
        Http.Deletes.Should().OnlyContain(d => d.Body.Contains("\"propagationPolicy\":\"Background\"") && d.Body.Contains("\"uid\":"));
    }

    [Fact]
    public async Task RunAsync_RunningJobPastTheTimeout_GoesWithItsRunningPods()
    {
        Namespace("batch");
        var stuck = RunningJob("batch", "stuck", TimeSpan.FromHours(3));
        JobPod("batch", "stuck-a", "stuck", stuck, "Running");
        var fresh = RunningJob("batch", "fresh", TimeSpan.FromMinutes(10));
        JobPod("batch", "fresh-a", "fresh", fresh, "Running");
        var settings = new CleanerSettings { Defaults = new CleanupPolicy(TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(2), false) };

        var result = await Pass(settings).RunAsync(default);

        result.Deleted("Job", DeleteReason.Timeout).Should().Be(1);
        Exists("Job", "batch", "stuck").Should().BeFalse();
        Exists("Pod", "batch", "stuck-a").Should().BeFalse("kube-job-cleaner left these running; a Foreground delete stops them first");
        Exists("Job", "batch", "fresh").Should().BeTrue();
        Exists("Pod", "batch", "fresh-a").Should().BeTrue();
        Http.Deletes.Should().ContainSingle().Which.Body.Should().Contain("\"propagationPolicy\":\"Foreground\"").And.Contain($"\"uid\":\"{stuck}\"");
    }

    [Fact]
    public async Task RunAsync_CleanupTimeoutAnnotation_StopsThatJobOnly()
    {
        Namespace("batch");
        RunningJob("batch", "short", TimeSpan.FromMinutes(11), new() { [CleanupAnnotations.LegacyTimeout] = "600" });
        RunningJob("batch", "long", TimeSpan.FromHours(11));

        await Pass().RunAsync(default);

        Exists("Job", "batch", "short").Should().BeFalse();
        Exists("Job", "batch", "long").Should().BeTrue("--timeout-seconds defaults to never");
    }

    [Fact]
    public async Task RunAsync_JobRecreatedWithTheSameName_Survives()
    {
        Namespace("batch");
        var old = FinishedJob("batch", "nightly", TimeSpan.FromHours(5));
        string? recreated = null;
        Http.BeforeSend = request =>
        {
            // Between the list and the delete, someone deletes the Job and creates a new one of the same name.
            if (request.Method == HttpMethod.Delete && recreated is null && request.RequestUri!.AbsolutePath.EndsWith("/jobs/nightly", StringComparison.Ordinal))
            {
                Kube.Store.Delete(Kube.Store.Definition("Job"), "batch", "nightly", new AwsIntegrations.Emulators.Kubernetes.Store.DeleteRequest("Background"));
                recreated = RunningJob("batch", "nightly", TimeSpan.FromMinutes(1));
                JobPod("batch", "nightly-new", "nightly", recreated, "Running");
            }
        };

        var result = await Pass().RunAsync(default);

        recreated.Should().NotBeNull().And.NotBe(old);
        Uid("Job", "batch", "nightly").Should().Be(recreated);
        Exists("Pod", "batch", "nightly-new").Should().BeTrue();
        result.Skipped(SkipReason.Recreated).Should().Be(1);
        result.Succeeded.Should().BeTrue("a failed precondition is the expected outcome, not an error");
        Logs.Lines.Should().Contain(l => l.Contains("Kept Job batch/nightly: it was recreated since it was listed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DryRun_ChangesNothingAndLogsWhatItWouldDo()
    {
        Namespace("batch");
        var old = FinishedJob("batch", "old", TimeSpan.FromHours(2));
        JobPod("batch", "old-a", "old", old, "Succeeded", TimeSpan.FromHours(2));
        RunningJob("batch", "stuck", TimeSpan.FromHours(3));
        var settings = new CleanerSettings { DryRun = true, Defaults = new CleanupPolicy(TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromHours(2), false) };

        var result = await Pass(settings).RunAsync(default);

        Kube.All("Job").Should().HaveCount(2);
        Kube.All("Pod").Should().HaveCount(1);
        Http.Requests.Should().OnlyContain(r => r.Method == "GET");
        Logs.Lines.Should().Contain("Information: Would delete Job batch/old (succeeded: succeeded 2h ago, older than 1h) ** DRY RUN **");
        Logs.Lines.Should().Contain("Information: Would delete Job batch/stuck (timeout: running for 3h, longer than the timeout 2h) ** DRY RUN **");
        result.DeletedJobs.Should().Be(2, "the report counts what would have gone");
    }

    [Fact]
    public async Task RunAsync_InvalidAnnotation_IsAnEventAndALogLine_AndTheJobStays()
    {
        Namespace("batch");
        FinishedJob("batch", "typo", TimeSpan.FromDays(2), annotations: new() { [CleanupAnnotations.After] = "two days" });
        FinishedJob("batch", "fine", TimeSpan.FromDays(2));
        var pass = Pass();

        var result = await pass.RunAsync(default);
        await pass.RunAsync(default);
        await Events.FlushAsync();

        result.Succeeded.Should().BeTrue();
        result.Skipped(SkipReason.InvalidAnnotation).Should().Be(1);
        Exists("Job", "batch", "typo").Should().BeTrue();
        Exists("Job", "batch", "fine").Should().BeFalse("one bad annotation must not stop the pass");
        Logs.Lines.Where(l => l.Contains("invalid cleanup annotation", StringComparison.Ordinal)).Should().ContainSingle("the next pass does not repeat it")
            .Which.Should().Be("Warning: Kept Job batch/typo: invalid cleanup annotation: aws-integrations.io/cleanup-after=\"two days\" is not an age: use seconds (3600) or a duration (90m, 1h30m)");
        var warning = Kube.All("Event", "batch").Should().ContainSingle().Subject;
        ((string)warning["reason"]!).Should().Be("InvalidCleanupAnnotation");
        ((string)warning["type"]!).Should().Be("Warning");
        ((string)warning["involvedObject"]!["name"]!).Should().Be("typo");
        ((string)warning["message"]!).Should().Contain("\"two days\"");
    }

    [Fact]
    public async Task RunAsync_NamespaceAnnotations_SetAgesAndOptOuts()
    {
        Namespace("keep", new() { [CleanupAnnotations.Disabled] = "true" });
        Namespace("slow", new() { [CleanupAnnotations.After] = "24h" });
        Namespace("broken", new() { [CleanupAnnotations.After] = "someday" });
        FinishedJob("keep", "a", TimeSpan.FromDays(2));
        FinishedJob("keep", "b", TimeSpan.FromDays(2), annotations: new() { [CleanupAnnotations.Disabled] = "false" });
        FinishedJob("slow", "young", TimeSpan.FromHours(5));
        FinishedJob("slow", "old", TimeSpan.FromHours(25));
        FinishedJob("broken", "c", TimeSpan.FromDays(2));

        var result = await Pass().RunAsync(default);
        await Events.FlushAsync();

        Kube.All("Job").Select(j => $"{j["metadata"]!["namespace"]}/{j["metadata"]!["name"]}").Should().BeEquivalentTo("keep/a", "slow/young", "broken/c");
        result.Skipped(SkipReason.OptedOut).Should().Be(1);
        result.Skipped(SkipReason.InvalidAnnotation).Should().Be(1);
        Kube.All("Event").Should().ContainSingle(e => (string)e["involvedObject"]!["kind"]! == "Namespace" && (string)e["involvedObject"]!["name"]! == "broken");
    }

    [Fact]
    public async Task RunAsync_ScopeAndSelectors_LimitWhatIsCleaned()
    {
        foreach (var ns in new[] { "batch", "etl", "web" })
        {
            Namespace(ns);
            FinishedJob(ns, "done", TimeSpan.FromDays(2), labels: new() { ["team"] = "data" });
            FinishedJob(ns, "other-team", TimeSpan.FromDays(2), labels: new() { ["team"] = "web" });
        }

        var settings = new CleanerSettings { Scope = new NamespaceScope(["batch", "etl"], ["etl"]), LabelSelector = "team=data" };
        await Pass(settings).RunAsync(default);

        Exists("Job", "batch", "done").Should().BeFalse();
        Exists("Job", "batch", "other-team").Should().BeTrue();
        Exists("Job", "etl", "done").Should().BeTrue("excluded");
        Exists("Job", "web", "done").Should().BeTrue("not included");
        Http.Requests.Where(r => r.Path.Contains("/jobs", StringComparison.Ordinal)).Should().OnlyContain(r => r.Path.Contains("/namespaces/batch/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CronJobsAndTtlJobs_AreLeftToKubernetes()
    {
        Namespace("batch");
        var cronJob = new System.Text.Json.Nodes.JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "CronJob", ["name"] = "nightly", ["uid"] = Guid.NewGuid().ToString(), ["controller"] = true };
        FinishedJob("batch", "nightly-1", TimeSpan.FromDays(2), owner: cronJob);
        FinishedJob("batch", "ttl", TimeSpan.FromDays(2), spec: new() { ["ttlSecondsAfterFinished"] = 864000 });

        var kept = await Pass().RunAsync(default);
        kept.Skipped(SkipReason.CronJob).Should().Be(1);
        kept.Skipped(SkipReason.Ttl).Should().Be(1);
        Kube.All("Job").Should().HaveCount(2);

        await Pass(new CleanerSettings { IncludeCronJobJobs = true }).RunAsync(default);
        Exists("Job", "batch", "nightly-1").Should().BeFalse();
        Exists("Job", "batch", "ttl").Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_ManyJobs_AreListedInPages()
    {
        Namespace("batch");
        for (var i = 0; i < 7; i++)
        {
            FinishedJob("batch", $"job-{i}", TimeSpan.FromDays(2));
        }

        var result = await Pass(new CleanerSettings { PageSize = 2 }).RunAsync(default);

        result.JobsSeen.Should().Be(7);
        Kube.All("Job").Should().BeEmpty();
        var lists = Http.Requests.Where(r => r.Method == "GET" && r.Path.StartsWith("/apis/batch/v1/jobs?", StringComparison.Ordinal)).ToList();
        lists.Should().HaveCount(4);
        lists.Should().OnlyContain(r => r.Path.Contains("limit=2"));
        lists.Skip(1).Should().OnlyContain(r => r.Path.Contains("continue="));
    }

    [Fact]
    public async Task RunAsync_ContinueTokenExpiresMidList_ListsAgainAndFinishes()
    {
        Namespace("batch");
        for (var i = 0; i < 5; i++)
        {
            FinishedJob("batch", $"job-{i}", TimeSpan.FromDays(2));
        }

        var compacted = false;
        Http.BeforeSend = request =>
        {
            // As etcd compaction does on a long pass: the token of the next page is too old by the time it is used.
            if (!compacted && request.RequestUri!.AbsolutePath.EndsWith("/jobs", StringComparison.Ordinal) && request.RequestUri.Query.Contains("continue=", StringComparison.Ordinal))
            {
                compacted = true;
                Kube.CompactHistory();
            }
        };

        var result = await Pass(new CleanerSettings { PageSize = 2 }).RunAsync(default);

        compacted.Should().BeTrue();
        result.Succeeded.Should().BeTrue(result.FirstError);
        Kube.All("Job").Should().BeEmpty();
        Logs.Lines.Should().Contain("Information: Listing Job in all namespaces again: the continue token expired");
    }

    [Fact]
    public async Task RunAsync_OrphanPods_GoAfterTheAge_OthersStay()
    {
        Namespace("batch");
        var live = FinishedJob("batch", "live", TimeSpan.FromMinutes(5));
        JobPod("batch", "live-a", "live", live, "Succeeded", TimeSpan.FromHours(3));
        var gone = Guid.NewGuid().ToString();
        JobPod("batch", "gone-old", "gone", gone, "Succeeded", TimeSpan.FromHours(2));
        JobPod("batch", "gone-young", "gone", gone, "Failed", TimeSpan.FromMinutes(5));
        JobPod("batch", "gone-running", "gone", gone, "Running");
        JobPod("batch", "stripped", "legacy", Guid.NewGuid().ToString(), "Failed", TimeSpan.FromHours(2), ownerReference: false);

        await Pass().RunAsync(default);
        Kube.All("Pod").Should().HaveCount(5, "orphan pods are only deleted with --delete-orphan-pods");

        var result = await Pass(new CleanerSettings { DeleteOrphanPods = true }).RunAsync(default);

        result.Deleted("Pod", DeleteReason.Orphan).Should().Be(2);
        Kube.All("Pod").Select(p => (string)p["metadata"]!["name"]!).Should().BeEquivalentTo("live-a", "gone-young", "gone-running");
        Http.Requests.Should().Contain(r => r.Path.Contains("fieldSelector=status.phase", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_OnePodOrJobFailsToDelete_TheOthersStillGoAndThePassFails()
    {
        Namespace("batch");
        FinishedJob("batch", "a", TimeSpan.FromDays(2));
        FinishedJob("batch", "b", TimeSpan.FromDays(2));
        Kube.Faults.Fail("delete", "jobs", 500, times: 1);

        var result = await Pass().RunAsync(default);

        result.Succeeded.Should().BeFalse();
        result.FirstError.Should().StartWith("delete Job batch/a:");
        Exists("Job", "batch", "a").Should().BeTrue();
        Exists("Job", "batch", "b").Should().BeFalse();
        Logs.Lines.Should().Contain(l => l.StartsWith("Warning: Could not delete Job batch/a:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NamespacesForbidden_JobsAreStillCleaned()
    {
        Namespace("batch");
        FinishedJob("batch", "a", TimeSpan.FromDays(2));
        Kube.Faults.Fail("list", "namespaces", 403);

        var result = await Pass().RunAsync(default);

        result.Succeeded.Should().BeTrue();
        Exists("Job", "batch", "a").Should().BeFalse();
        Logs.Lines.Should().Contain(l => l.Contains("Cannot read Namespaces", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ListFails_ThePassFailsWithTheReason()
    {
        Namespace("batch");
        Kube.Faults.Fail("list", "jobs", 403);

        var result = await Pass().RunAsync(default);

        result.Succeeded.Should().BeFalse();
        result.FirstError.Should().Contain("403");
    }
}

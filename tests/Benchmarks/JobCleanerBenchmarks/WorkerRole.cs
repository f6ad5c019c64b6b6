using AwsIntegrations.Kubernetes.Api;
using System.Diagnostics;
using System.Globalization;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.JobCleaner.Cleaning;
using AwsIntegrations.JobCleaner.Metrics;
using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>
/// A measuring process, driven line by line on stdin so the driver can alternate it with the others: each "pass" line runs one
/// pass and answers one line of figures (seconds, the pass's peak RSS and what it held before, what it saw and deleted).
/// Kinds: the cleaner's own pass (kube-job-cleaner's defaults: one hour, pages of 500), the same with the orphan-pod sweep, and
/// the reference: kube-job-cleaner's read, every Job in one unpaged list held in memory (pykube's query without a limit).
/// </summary>
internal static class WorkerRole
{
    public static async Task RunAsync(string kind, int port)
    {
        using var connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" }, new KubernetesClientSettings { Qps = 0 });
        var pass = new CleanupPass(connection, null, new CleanerSettings
        {
            Defaults = new CleanupPolicy(TimeSpan.FromHours(1), TimeSpan.FromHours(1), null, false),
            DeleteOrphanPods = kind == "orphans",
        }, new JobCleanerMetrics(), TimeProvider.System, NullLogger.Instance);
        while (await Console.In.ReadLineAsync() is "pass")
        {
            var before = ProcessMemory.ResetPeak();
            var clock = Stopwatch.StartNew();
            var (seen, deleted) = kind == "unpaged" ? ((long)(await connection.ListAsync<V1Job>()).Items.Count, 0L) : Report(await pass.RunAsync(CancellationToken.None));
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seconds={seconds:0.0000} peak_mib={ProcessMemory.PeakMib():0.0} before_mib={before:0.0} seen={seen} deleted={deleted}"));
        }
    }

    private static (long Seen, long Deleted) Report(PassReport report) =>
        report.Succeeded ? (report.JobsSeen, report.DeletedJobs) : throw new InvalidOperationException("the pass failed: " + report);
}

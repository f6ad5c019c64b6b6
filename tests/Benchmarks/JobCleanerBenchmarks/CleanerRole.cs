using System.Diagnostics;
using AwsIntegrations.JobCleaner.Cleaning;
using AwsIntegrations.JobCleaner.Metrics;
using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>
/// The cleaner's process: the service's own pass (kube-job-cleaner's defaults: one hour, pages of 500) over HTTP. The first
/// pass deletes the 100 that are due; the following passes find nothing due (the steady state). Prints one line of figures.
/// </summary>
internal static class CleanerRole
{
    public static async Task RunAsync(int port, int repeat, bool orphans)
    {
        using var client = new KubernetesClient(new KubernetesConnection(new Uri($"http://127.0.0.1:{port}")), new KubernetesClientSettings { Qps = 0 });
        var settings = new CleanerSettings
        {
            Defaults = new CleanupPolicy(TimeSpan.FromHours(1), TimeSpan.FromHours(1), null, false),
            DeleteOrphanPods = orphans,
        };
        var pass = new CleanupPass(client, null, settings, new JobCleanerMetrics(), TimeProvider.System, NullLogger.Instance);
        var clock = Stopwatch.StartNew();
        var first = await pass.RunAsync(CancellationToken.None);
        var firstSeconds = clock.Elapsed.TotalSeconds;
        var steady = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            clock.Restart();
            var report = await pass.RunAsync(CancellationToken.None);
            steady.Add(clock.Elapsed.TotalSeconds);
            if (!report.Succeeded || report.DeletedJobs > 0)
            {
                throw new InvalidOperationException("a steady-state pass should delete nothing: " + report);
            }
        }

        var self = Process.GetCurrentProcess();
        self.Refresh();
        steady.Sort();
        Console.WriteLine(string.Join(' ',
            $"first={firstSeconds:0.000}",
            $"deleted={first.DeletedJobs}",
            $"seen={first.JobsSeen}",
            $"steady={steady[steady.Count / 2]:0.000}",
            $"peak_mib={self.PeakWorkingSet64 / 1048576.0:0}",
            $"heap_mib={GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0.0}"));
    }
}

using System.Diagnostics;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>
/// The reference: kube-job-cleaner's read, every Job in one unpaged list held in memory (pykube's query without limit).
/// Warmed up by one small request; the median of the repetitions.
/// </summary>
internal static class UnpagedRole
{
    public static async Task RunAsync(int port, int repeat)
    {
        using var client = new KubernetesClient(new KubernetesConnection(new Uri($"http://127.0.0.1:{port}")), new KubernetesClientSettings { Qps = 0 });
        await client.ListAsync<Namespace>(options: new ListOptions { Limit = 1 });
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            count = (await client.ListAsync<Job>()).Items.Count;
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        var seconds = times[times.Count / 2];
        var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"seconds={seconds:0.000} seen={count} peak_mib={self.PeakWorkingSet64 / 1048576.0:0}");
    }
}

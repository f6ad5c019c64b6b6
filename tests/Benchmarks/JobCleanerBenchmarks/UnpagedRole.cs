using System.Diagnostics;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>The reference: kube-job-cleaner's read, every Job in one unpaged list held in memory (pykube's query without limit).</summary>
internal static class UnpagedRole
{
    public static async Task RunAsync(int port)
    {
        using var client = new KubernetesClient(new KubernetesConnection(new Uri($"http://127.0.0.1:{port}")), new KubernetesClientSettings { Qps = 0 });
        var clock = Stopwatch.StartNew();
        var jobs = await client.ListAsync<Job>();
        var seconds = clock.Elapsed.TotalSeconds;
        var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"seconds={seconds:0.000} seen={jobs.Items.Count} peak_mib={self.PeakWorkingSet64 / 1048576.0:0}");
    }
}

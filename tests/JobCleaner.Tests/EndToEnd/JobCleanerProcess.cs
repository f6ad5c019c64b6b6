using AwsIntegrations.Testing;

namespace AwsIntegrations.JobCleaner.Tests.EndToEnd;

/// <summary>The real service as a child process, configured only through its flags and a kubeconfig, as a user runs it.</summary>
internal sealed class JobCleanerProcess : IAsyncDisposable
{
    private JobCleanerProcess(ChildProcess process, int metricsPort, string name)
    {
        Process = process;
        Name = name;
        Management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
    }

    public ChildProcess Process { get; }

    public string Name { get; }

    public HttpClient Management { get; }

    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "JobCleaner.dll");

    public static JobCleanerProcess Start(string kubeconfig, string podName, params string[] args)
    {
        var metricsPort = FreePort.Next();
        var process = ChildProcess.StartDotnet(
            AssemblyPath,
            ["--kubeconfig", kubeconfig, "--metrics-address", "127.0.0.1", "--metrics-port", $"{metricsPort}", "--log-format", "text", "--shutdown-delay", "0s", .. args],
            new Dictionary<string, string?> { ["POD_NAME"] = podName, ["POD_NAMESPACE"] = "kube-system" });
        return new JobCleanerProcess(process, metricsPort, podName);
    }

    /// <summary>
    /// The image started with no arguments at all, as kube-job-cleaner's deploy/cronjob.yaml runs it: everything else comes from
    /// the environment a pod has (HOSTNAME is the pod name; KUBECONFIG stands in for the in-cluster service account).
    /// </summary>
    public static JobCleanerProcess StartWithoutArguments(string kubeconfig, string podName)
    {
        var metricsPort = FreePort.Next();
        var process = ChildProcess.StartDotnet(AssemblyPath, [], new Dictionary<string, string?>
        {
            ["KUBECONFIG"] = kubeconfig,
            ["HOSTNAME"] = podName,
            ["POD_NAME"] = null,
            ["POD_NAMESPACE"] = null,
            ["METRICS_ADDRESS"] = "127.0.0.1",
            ["METRICS_PORT"] = $"{metricsPort}",
            ["LOG_FORMAT"] = "text",
            ["SHUTDOWN_DELAY"] = "0s",
        });
        return new JobCleanerProcess(process, metricsPort, podName);
    }

    public bool Logged(string text) => Process.StandardOutput.Any(line => line.Contains(text, StringComparison.Ordinal));

    public async Task<string> MetricsAsync() => await Management.GetStringAsync("/metrics");

    public async ValueTask DisposeAsync()
    {
        Management.Dispose();
        await Process.DisposeAsync();
    }
}

using AwsIntegrations.Testing;

namespace JobCleaner.Tests.EndToEnd;

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

    public bool Logged(string text) => Process.StandardOutput.Any(line => line.Contains(text, StringComparison.Ordinal));

    public async Task<string> MetricsAsync() => await Management.GetStringAsync("/metrics");

    public async ValueTask DisposeAsync()
    {
        Management.Dispose();
        await Process.DisposeAsync();
    }
}

using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;

namespace AwsIntegrations.IngressController.Tests.EndToEnd;

/// <summary>The IngressController as a real child process, configured only through its flags, a kubeconfig and AWS_* variables.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private ServiceProcess(ChildProcess process, int metricsPort)
    {
        Process = process;
        Management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
    }

    public ChildProcess Process { get; }

    public HttpClient Management { get; }

    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "IngressController.dll");

    public static ChildProcess Run(IDictionary<string, string?>? environment, params string[] args) => ChildProcess.StartDotnet(AssemblyPath, args, environment);

    public static async Task<ServiceProcess> StartAsync(KubernetesEmulator kube, AwsEmulator aws, string kubeconfig, string podName, params string[] extraArgs)
    {
        var metricsPort = FreePort.Next();
        var environment = aws.ClientEnvironment();
        environment["POD_NAME"] = podName;
        environment["POD_NAMESPACE"] = "default";
        var process = Run(environment, [
            "--cluster-id", "sandbox", "--kubeconfig", kubeconfig, "--metrics-address", "127.0.0.1", "--metrics-port", $"{metricsPort}",
            "--debounce", "100ms", "--shutdown-delay", "0s", "--log-format", "json", .. extraArgs]);
        var service = new ServiceProcess(process, metricsPort);
        await process.WaitUntilReadyAsync(metricsPort, TimeSpan.FromSeconds(60));
        return service;
    }

    /// <summary>Sum of a counter's series on /metrics (0 when it has none).</summary>
    public async Task<double> CounterAsync(string name)
    {
        var text = await Management.GetStringAsync("/metrics");
        return text.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length == name.Length || l[name.Length] is '{' or ' '))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        Management.Dispose();
        await Process.DisposeAsync();
    }
}

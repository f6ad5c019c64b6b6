using System.Globalization;
using System.Net;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Benchmarks.Router.Sides;

/// <summary>
/// The Router as deployed: its Release build as a child process with its own flags (defaults, except loopback addresses and
/// quiet logs), reading Ingresses, Services and EndpointSlices from the Kubernetes emulator through a kubeconfig.
/// </summary>
public sealed class RouterProcess : IAsyncDisposable
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    private RouterProcess(KubernetesEmulator kube, ChildProcess process, int port, int metricsPort)
    {
        Kube = kube;
        Process = process;
        Port = port;
        MetricsPort = metricsPort;
    }

    public KubernetesEmulator Kube { get; }

    public ChildProcess Process { get; }

    public int Port { get; }

    public int MetricsPort { get; }

    private bool OwnsKube { get; init; }

    /// <summary>
    /// Starts a Router (the Release build beside this benchmark, or <paramref name="routerDll"/>) on a Kubernetes emulator:
    /// a new empty one, or <paramref name="kube"/> with what it holds (the caller keeps owning it then).
    /// </summary>
    public static async Task<RouterProcess> StartAsync(string dir, KubernetesEmulator? kube = null, string? routerDll = null)
    {
        var owned = kube is null;
        kube ??= await KubernetesEmulator.StartAsync(0);
        var port = FreePort.Next();
        var metricsPort = FreePort.Next();
        var process = ChildProcess.StartDotnet(routerDll ?? Path.Combine(AppContext.BaseDirectory, "Router.dll"),
        [
            "--kubeconfig", kube.WriteKubeconfig(Path.Combine(dir, "kubeconfig")), "--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--metrics-address", "127.0.0.1", "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture), "--log-level", "warning", "--shutdown-delay", "0s",
        ], RouterEnvironment());
        var router = new RouterProcess(kube, process, port, metricsPort) { OwnsKube = owned };
        await process.WaitUntilReadyAsync(metricsPort, TimeSpan.FromSeconds(60));
        return router;
    }

    /// <summary>
    /// Extra environment for the Router process alone, from ROUTER_BENCH_ENV ("NAME=value;NAME=value"): runtime settings
    /// tried on the Router without changing the benchmark's own process.
    /// </summary>
    private static Dictionary<string, string?> RouterEnvironment() =>
        (Environment.GetEnvironmentVariable("ROUTER_BENCH_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(p => p[0], p => (string?)(p.Length > 1 ? p[1] : ""));

    /// <summary>The sum of every series of one metric family on /metrics (e.g. router_retries_total).</summary>
    public async Task<double> MetricAsync(string name) => PrometheusText.Sum(await Client.GetStringAsync($"http://127.0.0.1:{MetricsPort}/metrics"), name);

    /// <summary>The Router process's resident memory (VmRSS), in MB.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{Process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        if (OwnsKube)
        {
            await Kube.DisposeAsync();
        }
    }
}

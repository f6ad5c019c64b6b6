using System.Globalization;
using System.Runtime.InteropServices;
using AwsIntegrations.Testing;

namespace AwsIntegrations.DnsController.Benchmarks;

/// <summary>The DnsController as a real child process against the world's emulators; its JSON logs stay captured, off stdout.</summary>
internal sealed class ControllerProcess : IAsyncDisposable
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "DnsController.dll");
    private readonly ChildProcess _process;

    private ControllerProcess(ChildProcess process)
    {
        _process = process;
    }

    /// <summary>Starts a replica; <paramref name="intervalSeconds"/> null keeps the default --interval (1m).</summary>
    public static ControllerProcess Start(DnsWorld world, string pod, int? intervalSeconds)
    {
        var env = world.Aws.ClientEnvironment();
        env["POD_NAME"] = pod;
        return new ControllerProcess(ChildProcess.StartDotnet(Assembly,
        [
            "--kubeconfig", world.Kubeconfig, "--metrics-address", "127.0.0.1", "--metrics-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--txt-owner-id", "bench", "--shutdown-delay", "0s", "--kube-api-qps", "0", "--log-level", "info",
            .. intervalSeconds is { } interval ? ["--interval", $"{interval}s"] : Array.Empty<string>(),
        ], env));
    }

    /// <summary>Zone reads logged so far ("Read 5 zones with 20010 records from Route 53").</summary>
    public int ZoneReads => _process.StandardOutput.Count(l => l.Contains(" zones with ", StringComparison.Ordinal) && l.Contains("from Route 53", StringComparison.Ordinal));

    public bool HasExited => _process.HasExited;

    public string Output => _process.Output;

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.SendSignal(PosixSignal.SIGTERM);
            await _process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _process.DisposeAsync();
    }
}

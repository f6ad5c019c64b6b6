using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using AwsIntegrations.Testing;
using AwsIntegrations.Benchmarks.Router.Sides;

namespace AwsIntegrations.Benchmarks.Router.Rollout;

/// <summary>
/// A pod as its own process: nginx (one worker) on its own 127.0.x.y address answering "ok". SIGTERM is nginx's fast shutdown:
/// the process exits at once, and the kernel resets its connections (RST where a request was not read yet), like any program
/// that simply exits on SIGTERM.
/// </summary>
public sealed partial class ProcessPod : IPod
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ChildProcess _process;
    private long _statusRequests;

    private ProcessPod(string ip, int port, ChildProcess process)
    {
        Ip = ip;
        Port = port;
        _process = process;
    }

    public string Ip { get; }

    private int Port { get; }

    public static async Task<ProcessPod> StartAsync(string dir, string ip, int port)
    {
        var process = ProxyProcesses.StartNginx(dir, "pod-" + ip, NginxConfig.Pod(dir, ip, port));
        var pod = new ProcessPod(ip, port, process);
        try
        {
            await Eventually.HoldsAsync(async () => process.HasExited
                ? throw new InvalidOperationException($"pod {ip} exited:\n{process.Output}")
                : await pod.ServedAsync() is not null, $"pod {ip} is up");
            return pod;
        }
        catch
        {
            await pod.DisposeAsync();
            throw;
        }
    }

    /// <summary>Requests the pod has answered (nginx's stub_status, less the status requests themselves).</summary>
    public async Task<long> RequestsAsync() => await ServedAsync() ?? 0;

    private async Task<long?> ServedAsync()
    {
        try
        {
            var asked = Interlocked.Increment(ref _statusRequests);
            var status = await Client.GetStringAsync($"http://{Ip}:{Port}{NginxConfig.PodStatusPath}");
            return long.Parse(RequestsLine().Match(status).Groups[1].Value, CultureInfo.InvariantCulture) - asked;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public async Task ExitAsync()
    {
        if (!_process.HasExited)
        {
            _process.SendSignal(PosixSignal.SIGTERM);
            await _process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    // "Active connections: 1 \nserver accepts handled requests\n 5 5 17 \n..."
    [GeneratedRegex(@"^\s*\d+\s+\d+\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();
}

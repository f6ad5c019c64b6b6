using System.Diagnostics;
using AwsIntegrations.Aws;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.DnsController.Benchmarks;

/// <summary>
/// One run at one size, on fresh emulators:
/// 1. first sync: the controller starts on N Ingresses and empty zones; seconds (from the process start) until every A and TXT
///    record exists (and from the controller's first AWS call), and the AWS calls until the controller falls quiet;
/// 2. (when asked) idle window: nothing changes; the calls it makes;
/// 3. (when asked) full read: the controller is replaced by a second replica (default --interval), whose first pass reads the
///    converged zones in full (the same code path as every --resync-interval);
/// 4. (when asked) change latency, on that replica: one Ingress's host changes at a time; seconds until Route 53 holds the new
///    record; then the external-dns-style list of the same zones.
/// </summary>
internal static class DnsRun
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(600); // > the 333 ms between calls at 3 requests/s

    public static async Task<RunResult> RunAsync(DnsSettings settings, int ingresses, bool rest, int changes)
    {
        await using var world = await DnsWorld.StartAsync(ingresses, settings.Zones);
        var aws = world.Aws;

        var clock = Stopwatch.StartNew();
        var first = ControllerProcess.Start(world, "dns-1", settings.IntervalSeconds);
        try
        {
            await WaitAsync(() => world.RecordSets() >= 4 * ingresses, TimeSpan.FromMinutes(20), "first sync", first);
            var convergeSeconds = clock.Elapsed.TotalSeconds;
            var convergedAt = DateTimeOffset.UtcNow;
            await QuietAsync(aws);
            var calls = aws.Calls.All;
            var convergeCalls = CallCounts.From(calls.Select(c => c.Operation));
            var afterFirstCall = calls.Count == 0 ? 0 : (convergedAt - calls[0].At).TotalSeconds;
            if (!rest)
            {
                return new RunResult(ingresses, convergeSeconds, afterFirstCall, convergeCalls, null, []);
            }

            aws.Calls.Clear();
            await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds));
            var idleCalls = CallCounts.From(aws.Calls.All.Select(c => c.Operation));

            await first.StopAsync();

            await QuietAsync(aws);
            aws.Calls.Clear();
            await using var second = ControllerProcess.Start(world, "dns-2", intervalSeconds: null);
            await WaitAsync(() => second.ZoneReads > 0, TimeSpan.FromMinutes(10), "full read", second);
            await QuietAsync(aws);
            var read = aws.Calls.All;
            var readSeconds = read.Count == 0 ? 0 : (read[^1].At - read[0].At).TotalSeconds;
            var latencies = await ChangeLatenciesAsync(world, changes, second);
            await second.StopAsync();

            aws.Calls.Clear();
            await ExternalDnsStyleListAsync(aws);
            var reference = CallCounts.From(aws.Calls.All.Select(c => c.Operation));
            return new RunResult(ingresses, convergeSeconds, afterFirstCall, convergeCalls, new RestResult(settings.IdleSeconds, idleCalls, CallCounts.From(read.Select(c => c.Operation)), readSeconds, reference), latencies);
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    /// <summary>
    /// What external-dns' AWS provider reads on every --interval: ListHostedZones, then every zone's record sets at
    /// 300 per page (its route53PageSize). Counted against the same emulator; no client-side limit (external-dns has none).
    /// </summary>
    private static async Task ExternalDnsStyleListAsync(AwsEmulator aws)
    {
        var route53 = new Route53Client(DnsWorld.Transport(aws)) { MaxItems = 300 };
        foreach (var zone in await route53.ListHostedZonesAsync())
        {
            await route53.ListResourceRecordSetsAsync(zone.Id);
        }
    }

    private static async Task<List<double>> ChangeLatenciesAsync(DnsWorld world, int changes, ControllerProcess controller)
    {
        var latencies = new List<double>();
        for (var i = 0; i < changes; i++)
        {
            var host = $"moved-{i}.zone-0.example.com";
            var clock = Stopwatch.StartNew();
            await world.ChangeHostAsync($"app-{i * world.ZoneIds.Count}", host);
            await WaitAsync(() => world.HasRecord(world.ZoneIds[0], host + "."), TimeSpan.FromSeconds(60), "change", controller);
            latencies.Add(clock.Elapsed.TotalSeconds);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        return latencies;
    }

    /// <summary>Waits until the emulator has answered no call for a while (the pass in flight has ended).</summary>
    private static async Task QuietAsync(AwsEmulator aws)
    {
        var count = -1;
        while (true)
        {
            var now = aws.Calls.All.Count;
            if (now == count)
            {
                return;
            }

            count = now;
            await Task.Delay(Quiet);
        }
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what, ControllerProcess controller)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout || controller.HasExited)
            {
                throw new TimeoutException($"{what} did not finish within {timeout} (controller {(controller.HasExited ? "exited" : "running")}):\n{controller.Output}");
            }

            await Task.Delay(50);
        }
    }
}

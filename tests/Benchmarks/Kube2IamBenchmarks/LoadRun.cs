using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.Kube2Iam;

/// <summary>
/// The load generator: <c>workers</c> loops over keep-alive connections bound to the pods' source IPs, each on its own schedule so
/// the total is <c>rate</c> requests/s (0: as fast as possible). Latency is from send to the last byte of the answer.
/// </summary>
internal static class LoadRun
{
    public static HttpClient ClientFrom(string sourceIp, int port) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse(sourceIp), 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
        MaxConnectionsPerServer = 64,
    })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
    };

    public static async Task<Result> RunAsync(IReadOnlyList<HttpClient> clients, string path, int workers, double rate, TimeSpan duration)
    {
        var latencies = new List<double>[workers];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var interval = rate > 0 ? TimeSpan.FromSeconds(workers / rate) : TimeSpan.Zero;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            var client = clients[w % clients.Count];
            var next = clock.Elapsed + (interval * w / workers);
            while (clock.Elapsed < duration)
            {
                if (interval > TimeSpan.Zero)
                {
                    var wait = next - clock.Elapsed;
                    if (wait > TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(wait);
                    }

                    next += interval;
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                _ = await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var all = new Measurement(latencies.SelectMany(l => l));
        return new Result(all.Count / clock.Elapsed.TotalSeconds, all.Percentile(0.50), all.Percentile(0.99), failures);
    }

    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, int Failures);
}

using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.Kube2Iam;

/// <summary>
/// The cached credential path against bare Kestrel: paced (the 5,000 requests/s) and unpaced, sides alternated round by
/// round, medians over the rounds with their spread; the ratio is taken per round (same load, back to back).
/// </summary>
internal static class LoadComparison
{
    private const int PacedWorkers = 50;
    private const int UnpacedWorkers = 32;

    public static async Task<Figures> RunAsync(BenchCluster cluster, int pods, int rounds, TimeSpan duration, double rate)
    {
        var daemon = Enumerable.Range(1, pods).Select(i => LoadRun.ClientFrom($"127.0.1.{i}", cluster.AppPort)).ToList();
        var document = await daemon[0].GetStringAsync(BenchCluster.CredentialsPath);
        await using var server = await ReferenceServer.StartAsync(document);
        var reference = Enumerable.Range(1, pods).Select(i => LoadRun.ClientFrom($"127.0.1.{i}", server.Port)).ToList();
        await LoadRun.RunAsync(daemon, BenchCluster.CredentialsPath, PacedWorkers, rate, TimeSpan.FromSeconds(1)); // warm-up, not counted
        await LoadRun.RunAsync(reference, "/", PacedWorkers, rate, TimeSpan.FromSeconds(1));

        var stsBefore = cluster.AssumeRoleCalls;
        var missesBefore = await cluster.MetricAsync("kube2iam_prefetch_misses_total");
        var hitsBefore = await cluster.MetricAsync("kube2iam_prefetch_hits_total");
        var paced = await Alternating.RunAsync(rounds,
            _ => LoadRun.RunAsync(daemon, BenchCluster.CredentialsPath, PacedWorkers, rate, duration),
            _ => LoadRun.RunAsync(reference, "/", PacedWorkers, rate, duration));
        var unpaced = await Alternating.RunAsync(rounds,
            _ => LoadRun.RunAsync(daemon, BenchCluster.CredentialsPath, UnpacedWorkers, 0, duration),
            _ => LoadRun.RunAsync(reference, "/", UnpacedWorkers, 0, duration));
        var figures = new Figures(
            paced.Ours, paced.Reference, unpaced.Ours, unpaced.Reference,
            cluster.AssumeRoleCalls - stsBefore,
            await cluster.MetricAsync("kube2iam_prefetch_misses_total") - missesBefore,
            await cluster.MetricAsync("kube2iam_prefetch_hits_total") - hitsBefore);
        foreach (var client in daemon.Concat(reference))
        {
            client.Dispose();
        }

        Print(figures, pods, rounds, duration, rate, document.Length);
        return figures;
    }

    private static void Print(Figures f, int pods, int rounds, TimeSpan duration, double rate, int documentBytes)
    {
        Console.WriteLine();
        Console.WriteLine("### Cached credential path: the daemon against bare Kestrel");
        Console.WriteLine();
        Console.WriteLine($"The daemon (its own process, Release) answers `GET {BenchCluster.CredentialsPath}` ({documentBytes} bytes) from its cache "
            + $"to {pods} pods whose IPs are 127.0.1.1–{pods}: the load generator binds each keep-alive connection to one of them. The reference is "
            + "a Kestrel endpoint in the benchmark process answering the same document: HTTP on loopback with this generator and nothing else. "
            + $"Paced: {PacedWorkers} workers sending {rate:N0} requests/s in total; unpaced: {UnpacedWorkers} loops as fast as they can. "
            + $"{rounds} rounds of {duration.TotalSeconds:0} s per side and load, the sides alternated (A B, B A, …) after a 1 s warm-up each; "
            + "figures are medians over the rounds (min–max); ratios are taken within each round. Latency is measured in the generator, "
            + "which shares the 2 cores with the server.");
        Console.WriteLine();
        var table = new MarkdownTable("load", "side", "requests/s", "p50 (ms)", "p99 (ms)", "failed requests");
        Row(table, $"paced {rate:N0}/s", "Kube2Iam", f.PacedDaemon);
        Row(table, $"paced {rate:N0}/s", "bare Kestrel", f.PacedReference);
        Row(table, "unpaced", "Kube2Iam", f.UnpacedDaemon);
        Row(table, "unpaced", "bare Kestrel", f.UnpacedReference);
        table.Print();
        Console.WriteLine();
        new MarkdownTable("ratio (Kube2Iam / bare Kestrel, per round)", "value")
            .Add("p99 at the paced rate", f.PacedP99Ratio.Format("0.00", "×"))
            .Add("requests/s unpaced", f.UnpacedThroughputRatio.Format("0.00", "×"))
            .Add("p99 unpaced", Ratios(f.UnpacedDaemon, f.UnpacedReference, r => r.P99Ms).Format("0.00", "×"))
            .Print();
        Console.WriteLine();
        Console.WriteLine($"During these runs: {f.PrefetchHits:N0} credential requests answered from the cache, {f.PrefetchMisses:N0} that waited on STS "
            + $"(`kube2iam_prefetch_misses_total`), {f.StsCallsDuringLoad} AssumeRole calls in the emulator — background refreshes of the "
            + "short-lived credentials this run uses (next sections), none on the request path.");
    }

    private static void Row(MarkdownTable table, string load, string side, IReadOnlyList<LoadRun.Result> runs) => table.Add(load, side,
        new Measurement(runs.Select(r => r.RequestsPerSecond)).Format("N0"),
        new Measurement(runs.Select(r => r.P50Ms)).Format("0.00"),
        new Measurement(runs.Select(r => r.P99Ms)).Format("0.00"),
        runs.Sum(r => r.Failures).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));

    private static Measurement Ratios(IReadOnlyList<LoadRun.Result> ours, IReadOnlyList<LoadRun.Result> reference, Func<LoadRun.Result, double> figure) =>
        new(ours.Zip(reference, (o, r) => figure(o) / figure(r)));

    public sealed record Figures(
        IReadOnlyList<LoadRun.Result> PacedDaemon,
        IReadOnlyList<LoadRun.Result> PacedReference,
        IReadOnlyList<LoadRun.Result> UnpacedDaemon,
        IReadOnlyList<LoadRun.Result> UnpacedReference,
        int StsCallsDuringLoad,
        double PrefetchMisses,
        double PrefetchHits)
    {
        public Measurement PacedP99 => new(PacedDaemon.Select(r => r.P99Ms));

        public Measurement PacedP99Reference => new(PacedReference.Select(r => r.P99Ms));

        public Measurement PacedRate => new(PacedDaemon.Select(r => r.RequestsPerSecond));

        public Measurement PacedP99Ratio => Ratios(PacedDaemon, PacedReference, r => r.P99Ms);

        public Measurement UnpacedRate => new(UnpacedDaemon.Select(r => r.RequestsPerSecond));

        public Measurement UnpacedRateReference => new(UnpacedReference.Select(r => r.RequestsPerSecond));

        public Measurement UnpacedThroughputRatio => Ratios(UnpacedDaemon, UnpacedReference, r => r.RequestsPerSecond);
    }
}

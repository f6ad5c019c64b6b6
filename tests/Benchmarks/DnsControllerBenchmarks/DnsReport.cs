using System.Globalization;
using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.DnsController.Benchmarks;

/// <summary>The Markdown tables and SUMMARY lines of the DnsController benchmark.</summary>
internal static class DnsReport
{
    // Published by external-dns' users and maintainers (external-dns #3397, #4597: see the published-figures table).
    private const double PublishedListCallsPer20k = 67;

    public static void Print(DnsSettings settings, IReadOnlyList<RunResult> runs)
    {
        var sizes = settings.Sizes;
        var bySize = sizes.Select(s => runs.Where(r => r.Ingresses == s).ToList()).ToList();
        Console.WriteLine("### DnsController: first sync from empty zones");
        Console.WriteLine();
        Report.Paragraph($"The DnsController runs as a child process against the AWS and Kubernetes emulators (loopback HTTP), with its defaults: 3 Route 53 requests/s (burst 2 s), --resync-interval 1h, --debounce 500ms; only the first replica's --interval is {settings.IntervalSeconds} s instead of 1m, so that the idle window below holds several full plans. Each Ingress has one host with the ALB in its status: N Ingresses ask for N ALIAS A and N ALIAS AAAA records (external-dns' rule since v0.16, the default) and 2N TXT ownership records, spread over {settings.Zones} hosted zones. Seconds run from the process start (a .NET process starting, informers syncing, leader election) to the moment the emulator holds every record, and also from the controller's first AWS call; the floor is what the Route 53 rate limit alone imposes on those calls ((Route 53 calls − a burst of 6) / 3 per s); calls are counted by the emulator until the controller falls quiet. Median of {settings.Repetitions} runs per size (the largest size: {settings.LargestRepetitions} run{(settings.LargestRepetitions == 1 ? "" : "s")}), spread min–max in brackets.");
        var table = new MarkdownTable("Ingresses", "record sets", "runs", "seconds to converge", "of which after the first AWS call", "floor set by 3 requests/s", "AWS calls", "calls by operation");
        for (var i = 0; i < sizes.Count; i++)
        {
            var group = bySize[i];
            table.Add(N(sizes[i]), N(4 * sizes[i]), N(group.Count), Seconds(group).Format("0.0", " s"), new Measurement(group.Select(r => r.AfterFirstCallSeconds)).Format("0.0", " s"),
                RateFloor(group[0].ConvergeCalls).ToString("0.0 s", CultureInfo.InvariantCulture), Calls(group).Format(), group[0].ConvergeCalls.Describe());
        }

        table.Print();
        Growth.Table("Ingresses", "seconds to converge", sizes, bySize.Select(Seconds).ToList(), "0.0", " s").Print("Growth: seconds to converge (from the process start)");
        Growth.Table("Ingresses", "seconds after the first AWS call", sizes, bySize.Select(g => new Measurement(g.Select(r => r.AfterFirstCallSeconds))).ToList(), "0.0", " s").Print("Growth: seconds to converge (from the first AWS call)");
        Growth.Table("Ingresses", "AWS calls to converge", sizes, bySize.Select(Calls).ToList()).Print("Growth: AWS calls to converge");

        var rests = bySize.Select(g => g.Where(r => r.Rest is not null).Select(r => r.Rest!).ToList()).ToList();
        PrintRest(settings, sizes, rests);
        PrintLatency(settings, runs);
        PrintSummary(sizes, bySize, rests, runs);
    }

    private static void PrintRest(DnsSettings settings, IReadOnlyList<int> sizes, List<List<RestResult>> rests)
    {
        Console.WriteLine();
        Console.WriteLine("### DnsController at rest, against an external-dns-style re-list of the same zones");
        Console.WriteLine();
        Report.Paragraph($"After the first sync nothing changes for {settings.IdleSeconds} s (an idle window: full plans over the cached zones every {settings.IntervalSeconds} s); the calls in it are scaled to an hour. Then a second replica replaces the controller: its first pass reads the converged zones in full, the same code path (ZoneInventory.ReadAllAsync + DescribeLoadBalancers) that every --resync-interval (1h) runs, so that read counts once per hour. Calls per hour at rest = full-read calls × 1 + idle calls × 3600 / {settings.IdleSeconds}. Reference, counted against the same emulator right after: what external-dns' AWS provider lists on every --interval (1m): ListHostedZones, then every zone's record sets at 300 per page; × 60 per hour. Call counts do not vary between runs; {(settings.RestEveryRepetition ? "measured in every run" : "--quick measures them in the first run of each size only")}.");
        var table = new MarkdownTable("Ingresses", "calls in idle window", "full read: calls", "full read: seconds", "ours: calls/hour at rest", "external-dns-style list: calls", "external-dns: calls/hour", "ratio");
        for (var i = 0; i < sizes.Count; i++)
        {
            var rest = rests[i];
            var ours = Of(rest, r => r.OursPerHour);
            var reference = Of(rest, r => r.ReferencePerHour);
            table.Add(N(sizes[i]), Of(rest, r => r.IdleCalls.Total).Format() + $" in {settings.IdleSeconds} s", $"{Of(rest, r => r.ReadCalls.Total).Format()} ({rest[0].ReadCalls.Describe()})",
                Of(rest, r => r.ReadSeconds).Format("0.0", " s"), ours.Format(), $"{Of(rest, r => r.ReferenceCalls.Total).Format()} ({rest[0].ReferenceCalls.Describe()})",
                reference.Format(), Report.Fewer(ours.Median, reference.Median));
        }

        table.Print();
        Growth.Table("Ingresses", "ours: calls/hour at rest", sizes, rests.Select(r => Of(r, x => x.OursPerHour)).ToList()).Print("Growth: calls per hour at rest (ours)");
        Growth.Table("Ingresses", "external-dns-style: calls/hour", sizes, rests.Select(r => Of(r, x => x.ReferencePerHour)).ToList()).Print("Growth: calls per hour at rest (external-dns-style reference)");

        Console.WriteLine();
        Console.WriteLine("### Published figures (external-dns, from its issues)");
        Console.WriteLine();
        new MarkdownTable("published figure", "source", "per hour at its default --interval 1m", "ours, measured above")
            .Add("20,000 records → 67 ListResourceRecordSets calls per instance per sync", "external-dns #3397, #4597", N(PublishedListCallsPer20k * 60) + " list calls/hour (published, not measured)",
                 sizes.Contains(10_000) ? $"10,000 Ingresses = 20,000 record sets: {Of(rests[sizes.ToList().IndexOf(10_000)], r => r.OursPerHour).Format()} calls/hour" : "(10,000 Ingresses not run)")
            .Add("427k records → sync loops about 35 min apart", "external-dns #1784", "under 2 syncs/hour (published)", "not measured at that size")
            .Add("~3K VirtualServices + 1K Services → a change reaches Route 53 after 10–15 min", "external-dns #5016", "—", "change latency below")
            .Print();
    }

    private static void PrintLatency(DnsSettings settings, IReadOnlyList<RunResult> runs)
    {
        var latencies = runs.SelectMany(r => r.ChangeLatencies).ToList();
        if (latencies.Count == 0)
        {
            return;
        }

        var size = runs.First(r => r.ChangeLatencies.Count > 0).Ingresses;
        var measured = new Measurement(latencies);
        Console.WriteLine();
        Console.WriteLine("### Ingress change → Route 53 change");
        Console.WriteLine();
        Report.Paragraph($"With {N(size)} Ingresses synced, one Ingress at a time is moved to a new host (a merge patch, as kubectl sends); seconds until the emulator holds the new A record. Measured on the second replica, which runs with the default --interval 1m and --debounce 500ms, so that no periodic pass picks a change up early. {latencies.Count} changes, one after another.");
        new MarkdownTable("changes", "median", "min", "max", "goal (issue 6)")
            .Add(N(latencies.Count), measured.Median.ToString("0.00 s", CultureInfo.InvariantCulture), measured.Min.ToString("0.00 s", CultureInfo.InvariantCulture), measured.Max.ToString("0.00 s", CultureInfo.InvariantCulture), "≤ 2 s")
            .Print();
    }

    private static void PrintSummary(IReadOnlyList<int> sizes, List<List<RunResult>> bySize, List<List<RestResult>> rests, IReadOnlyList<RunResult> runs)
    {
        Console.WriteLine();
        var largest = sizes.Count - 1;
        var label = $"{N(sizes[largest])} Ingresses";
        var ours = Of(rests[largest], r => r.OursPerHour);
        var reference = Of(rests[largest], r => r.ReferencePerHour);
        Summary.Print("dns", $"AWS calls/hour at rest (Route 53 + 1 DescribeLoadBalancers per read), {label}", ours.Format(), $"{reference.Format()} (external-dns-style re-list every 1m, same emulator)", Report.Fewer(ours.Median, reference.Median));
        var idle = rests.SelectMany(r => r).ToList();
        var idleCalls = idle.Sum(r => r.IdleCalls.Total);
        Summary.Print("dns", "Route 53 calls between resyncs, nothing changing", $"{idleCalls} in {idle.Sum(r => r.IdleSeconds)} s idle ({idle.Count} window{(idle.Count == 1 ? "" : "s")})", "external-dns: a full list every 1m",
            $"goal 0: {(idleCalls == 0 ? "met" : "not met")}");
        Summary.Print("dns", $"first sync from empty zones, {label}", $"{Seconds(bySize[largest]).Format("0.0", " s")}, {Calls(bySize[largest]).Format()} calls", "—", $"the 3 requests/s limit alone: {RateFloor(bySize[largest][0].ConvergeCalls):0.0} s");
        var latencies = runs.SelectMany(r => r.ChangeLatencies).ToList();
        if (latencies.Count > 0)
        {
            var measured = new Measurement(latencies);
            Summary.Print("dns", "Ingress change → Route 53 change", $"{measured.Format("0.00", " s")} median of {latencies.Count}", "external-dns: up to --interval 1m + a full list",
                $"goal ≤ 2 s: {(measured.Median <= 2 ? "met" : "not met")}{(measured.Max > 2 ? $" (max {measured.Max:0.00} s)" : "")}");
        }
    }

    private static double RateFloor(CallCounts calls)
    {
        var route53 = calls.Total - calls.Of("DescribeLoadBalancers");
        return Math.Max(0, route53 - 6) / 3.0;
    }

    private static Measurement Seconds(List<RunResult> runs) => new(runs.Select(r => r.ConvergeSeconds));

    private static Measurement Calls(List<RunResult> runs) => new(runs.Select(r => (double)r.ConvergeCalls.Total));

    private static Measurement Of(List<RestResult> rests, Func<RestResult, double> figure) => new(rests.Select(figure));

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

using System.Globalization;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.Router.Load;

namespace AwsIntegrations.Benchmarks.Router.Http;

/// <summary>The HTTP comparison's tables and headline lines, from every round of every side (rounds aligned by index).</summary>
public sealed class HttpReport
{
    /// <summary>The Router through a route with a filter chain (the other Router side is a plain route).</summary>
    public const string FilteredSide = "Router, filter chain";

    private readonly Dictionary<string, List<WrkResult>> _results;

    public HttpReport(Dictionary<string, List<WrkResult>> results)
    {
        _results = results;
    }

    public Measurement Rps(string side) => new(_results[side].Select(r => r.RequestsPerSecond));

    public Measurement P50(string side) => new(_results[side].Select(r => r.P50Ms));

    public Measurement P99(string side) => new(_results[side].Select(r => r.P99Ms));

    /// <summary>The ratio of the two medians (the headline), and the same ratio round by round (sides a minute apart at most) as its spread.</summary>
    public (double Median, Measurement PerRound) Ratio(string ours, string reference, Func<WrkResult, double> figure) =>
        (new Measurement(_results[ours].Select(figure)).Median / new Measurement(_results[reference].Select(figure)).Median,
         new(_results[ours].Zip(_results[reference], (o, r) => figure(o) / figure(r))));

    private string RatioText(string ours, string reference, Func<WrkResult, double> figure)
    {
        var (median, perRound) = Ratio(ours, reference, figure);
        return string.Create(CultureInfo.InvariantCulture, $"{median:0.00} (per round {perRound.Min:0.00}–{perRound.Max:0.00})");
    }

    public void Print()
    {
        var ceiling = Rps("direct").Median;
        var table = new MarkdownTable("side", "req/s", "p50 ms", "p99 ms", "share of the direct ceiling", "failed requests");
        foreach (var side in _results.Keys)
        {
            table.Add(side, Rps(side).Format(), P50(side).Format("0.00"), P99(side).Format("0.00"),
                side == "direct" ? "(ceiling)" : (Rps(side).Median / ceiling).ToString("P0", CultureInfo.InvariantCulture),
                _results[side].Sum(r => r.Errors).ToString("N0", CultureInfo.InvariantCulture));
        }

        table.Print("Requests/s and latency (median of the rounds, min–max)");
        var ratios = new MarkdownTable("ratio of the medians", "req/s", "p50", "p99");
        foreach (var reference in new[] { "nginx", "haproxy" })
        {
            ratios.Add($"Router/{reference}", RatioText("Router", reference, r => r.RequestsPerSecond),
                RatioText("Router", reference, r => r.P50Ms), RatioText("Router", reference, r => r.P99Ms));
        }

        if (_results.ContainsKey(FilteredSide))
        {
            ratios.Add("filter chain/plain route (Router)", RatioText(FilteredSide, "Router", r => r.RequestsPerSecond),
                RatioText(FilteredSide, "Router", r => r.P50Ms), RatioText(FilteredSide, "Router", r => r.P99Ms));
        }

        ratios.Print("Ratios");
        var fastestProxy = _results.Keys.Where(s => s != "direct" && s != FilteredSide).Max(s => Rps(s).Median);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The backend alone served {ceiling:N0} req/s, {ceiling / fastestProxy:0.0}× the fastest proxy: ") +
            (ceiling / fastestProxy >= 1.3 ? "the proxies, not the backend, set the pace." : "too close: the backend may be limiting the proxies."));
    }

    public void PrintSummary()
    {
        var rps = Ratio("Router", "nginx", r => r.RequestsPerSecond).Median;
        Summary.Print("router", "requests/s vs nginx", Rps("Router").Format(), Rps("nginx").Format(),
            string.Create(CultureInfo.InvariantCulture, $"{rps:0.00}× (goal ≥ 1×: {(rps >= 1 ? "met" : "not met")})"));
        var haproxy = Ratio("Router", "haproxy", r => r.RequestsPerSecond).Median;
        Summary.Print("router", "requests/s vs haproxy", Rps("Router").Format(), Rps("haproxy").Format(),
            string.Create(CultureInfo.InvariantCulture, $"{haproxy:0.00}× (no goal)"));
        if (_results.ContainsKey(FilteredSide))
        {
            var filtered = Ratio(FilteredSide, "Router", r => r.RequestsPerSecond).Median;
            Summary.Print("router", "requests/s with a filter chain vs a plain route", Rps(FilteredSide).Format(), Rps("Router").Format(),
                string.Create(CultureInfo.InvariantCulture, $"{filtered:0.00}× (no goal)"));
        }

        var p99 = Ratio("Router", "nginx", r => r.P99Ms).Median;
        Summary.Print("router", "p99 latency vs nginx (ms)", P99("Router").Format("0.00"), P99("nginx").Format("0.00"),
            string.Create(CultureInfo.InvariantCulture, $"{p99:0.00}× (goal ≤ 1×: {(p99 <= 1 ? "met" : "not met")})"));
    }
}

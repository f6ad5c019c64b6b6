using System.Globalization;
using System.Text.RegularExpressions;

namespace AwsIntegrations.Benchmarks.Router.Load;

/// <summary>What one wrk run reports: throughput, latency percentiles (--latency), and every request that did not succeed.</summary>
public sealed partial record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, SocketErrors SocketErrors)
{
    public long Errors => Non2xx + SocketErrors.Total;

    public static WrkResult Parse(string output) =>
        new(
            Number(RpsLine(), output) ?? throw new FormatException("no Requests/sec line in wrk output:\n" + output),
            Percentile(output, "50"),
            Percentile(output, "99"),
            (long)(Number(TotalLine(), output) ?? 0),
            (long)(Number(Non2xxLine(), output) ?? 0),
            SocketErrorsLine().Match(output) is { Success: true } m
                ? new SocketErrors(Whole(m.Groups[1].Value), Whole(m.Groups[2].Value), Whole(m.Groups[3].Value), Whole(m.Groups[4].Value))
                : SocketErrors.None);

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new FormatException($"no {percent}% line in wrk output (run it with --latency):\n{output}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static double? Number(Regex line, string output) =>
        line.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static long Whole(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsLine();

    [GeneratedRegex(@"^\s+(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}

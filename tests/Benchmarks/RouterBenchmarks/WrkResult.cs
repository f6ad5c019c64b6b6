using System.Globalization;
using System.Text.RegularExpressions;

namespace Router.Benchmarks;

/// <summary>Requests/s and latency percentiles parsed from wrk --latency output.</summary>
public sealed partial record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, int Non2xx)
{
    public static WrkResult Parse(string output)
    {
        var rps = double.Parse(RpsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xxLine().Match(output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(rps, Percentile(output, "50"), Percentile(output, "99"), non2xx);
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new FormatException($"no {percent}% line in wrk output:\n{output}");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RpsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xxLine();
}

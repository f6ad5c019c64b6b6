using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AwsIntegrations.Benchmarks.Router.Sides;

/// <summary>The versions of the Debian tools a run used, for the report.</summary>
public static partial class ToolVersions
{
    public static string Nginx() => First(Run("nginx", "-v"), NginxVersion());

    public static string Haproxy() => First(Run("haproxy", "-v"), HaproxyVersion());

    public static string Wrk() => First(Run("wrk", "-v"), WrkVersion());

    private static string First(string output, Regex pattern) => pattern.Match(output) is { Success: true } m ? m.Groups[1].Value : "(unknown version)";

    private static string Run(string tool, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output.Result + errors;
    }

    [GeneratedRegex(@"nginx/([\d.]+)")]
    private static partial Regex NginxVersion();

    [GeneratedRegex(@"HAProxy version ([\d.]+)")]
    private static partial Regex HaproxyVersion();

    [GeneratedRegex(@"wrk (?:debian/)?([\d.]+)")]
    private static partial Regex WrkVersion();
}

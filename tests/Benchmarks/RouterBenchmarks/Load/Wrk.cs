using System.Diagnostics;
using System.Globalization;

namespace AwsIntegrations.Benchmarks.Router.Load;

/// <summary>Runs wrk (from Debian) against a loopback port and parses its report.</summary>
public static class Wrk
{
    /// <summary>Fixed Host header on every request (the settings' Host), or a Lua script choosing each request when given.</summary>
    public static async Task<WrkResult> RunAsync(WrkSettings settings, int port, TimeSpan duration, string? script = null, CancellationToken cancel = default)
    {
        var info = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments(settings, port, duration, script))
        {
            info.ArgumentList.Add(arg);
        }

        using var wrk = Process.Start(info) ?? throw new InvalidOperationException("could not start wrk (apt-get install wrk)");
        var output = wrk.StandardOutput.ReadToEndAsync(cancel);
        var errors = wrk.StandardError.ReadToEndAsync(cancel);
        await wrk.WaitForExitAsync(cancel);
        if (wrk.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {wrk.ExitCode}:\n{await output}\n{await errors}");
        }

        return WrkResult.Parse(await output);
    }

    public static IReadOnlyList<string> Arguments(WrkSettings settings, int port, TimeSpan duration, string? script)
    {
        var args = new List<string>
        {
            "-t" + settings.Threads, "-c" + settings.Connections, "-d" + Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "5s", "--latency",
        };
        if (script is null)
        {
            args.AddRange(["-H", "Host: " + settings.Host]);
        }
        else
        {
            args.AddRange(["-s", script]);
        }

        args.Add($"http://127.0.0.1:{port}/");
        return args;
    }
}

using System.Diagnostics;
using System.Globalization;

namespace AwsIntegrations.Benchmarks.Kubernetes;

/// <summary>Runs one client process per size (each starts its own emulator) and collects its RESULT lines.</summary>
internal static class Driver
{
    public static async Task<SizeResult> MeasureAsync(int pods, int churn, int rounds, bool quick)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(Driver).Assembly.Location, "--role-client", "--pods", $"{pods}", "--churn", $"{churn}", "--rounds", $"{rounds}", quick ? "--quick" : "" }.Where(a => a.Length > 0))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the client process");
        var figures = new Dictionary<string, List<Dictionary<string, double>>>(StringComparer.Ordinal);
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.Error.WriteLine($"[client {pods}] {line}");
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["RESULT", var figure, ..])
            {
                var values = parts[2..].Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
                (figures.TryGetValue(figure, out var list) ? list : figures[figure] = []).Add(values);
            }
        }

        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? new SizeResult(pods, figures) : throw new InvalidOperationException($"the client process for {pods} pods failed ({process.ExitCode})");
    }
}

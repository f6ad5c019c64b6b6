using System.Diagnostics;
using System.Globalization;

namespace AwsIntegrations.Benchmarks.Kubernetes;

/// <summary>
/// Per size: one emulator process (seeded once), then one fresh client process per round; relays the client's CHURN requests to
/// the emulator and collects its RESULT lines.
/// </summary>
internal static class Driver
{
    public static async Task<SizeResult> MeasureAsync(int pods, int churn, int rounds)
    {
        using var emulator = Start("--role-emulator", "--pods", $"{pods}");
        var port = await ListeningPortAsync(emulator);
        var figures = new Dictionary<string, List<Dictionary<string, double>>>(StringComparer.Ordinal);
        for (var round = 0; round < rounds; round++)
        {
            using var client = Start("--role-client", "--port", port, "--pods", $"{pods}", "--churn", $"{churn}");
            while (await client.StandardOutput.ReadLineAsync() is { } line)
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts is ["CHURN", var count])
                {
                    await emulator.StandardInput.WriteLineAsync($"churn {count}");
                    await emulator.StandardInput.FlushAsync();
                }
                else if (parts is ["RESULT", var figure, ..])
                {
                    var values = parts[2..].Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
                    (figures.TryGetValue(figure, out var list) ? list : figures[figure] = []).Add(values);
                }
            }

            await client.WaitForExitAsync();
            if (client.ExitCode != 0)
            {
                throw new InvalidOperationException($"the client process for {pods} pods failed ({client.ExitCode})");
            }
        }

        emulator.StandardInput.Close();
        await emulator.WaitForExitAsync();
        return new SizeResult(pods, figures);
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(Driver).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + args[0]);
    }

    private static async Task<string> ListeningPortAsync(Process emulator)
    {
        while (await emulator.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                _ = Task.Run(() => emulator.StandardOutput.ReadToEndAsync());
                return line[10..];
            }
        }

        throw new InvalidOperationException("the emulator exited before listening");
    }
}

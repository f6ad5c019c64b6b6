using System.Diagnostics;
using System.Globalization;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>Starts an emulator per size, then the reference and the cleaner (each in its own process), and prints the figures.</summary>
internal static class Driver
{
    public static async Task RunAsync(int[] sizes, int namespaces, int repeat)
    {
        Console.WriteLine($"JobCleaner pass over N Jobs (+ one pod each) in {namespaces} namespaces; 100 due, 9% running, the rest finished within the hour.");
        Console.WriteLine($"Reference: one unpaged list of every Job (what kube-job-cleaner does), median of {repeat}. Steady pass = median of {repeat} passes that delete nothing.");
        Console.WriteLine();
        Console.WriteLine("| Jobs | first pass (deletes 100) | steady pass | steady pass, + orphan-pod sweep | cleaner peak RSS | + orphan sweep peak RSS | unpaged list | unpaged peak RSS | pass / unpaged time | cleaner / unpaged RSS |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            using var emulator = Start("emulator", "--jobs", $"{size}", "--namespaces", $"{namespaces}");
            var port = await ReadPortAsync(emulator);
            var reference = Parse(await RunToEndAsync("unpaged", "--port", $"{port}", "--repeat", $"{repeat}"));
            var cleaner = Parse(await RunToEndAsync("cleaner", "--port", $"{port}", "--repeat", $"{repeat}"));
            var withOrphans = Parse(await RunToEndAsync("cleaner", "--port", $"{port}", "--repeat", $"{repeat}", "--orphans"));
            emulator.StandardInput.Close();
            await emulator.WaitForExitAsync();
            Console.WriteLine(
                $"| {size:N0} | {cleaner["first"]} s ({cleaner["deleted"]} deleted) | {cleaner["steady"]} s | {withOrphans["steady"]} s | {cleaner["peak_mib"]} MiB | {withOrphans["peak_mib"]} MiB " +
                $"| {reference["seconds"]} s | {reference["peak_mib"]} MiB | {Ratio(cleaner["steady"], reference["seconds"])} | {Ratio(cleaner["peak_mib"], reference["peak_mib"])} |");
        }
    }

    private static string Ratio(string a, string b) =>
        (double.Parse(a, CultureInfo.InvariantCulture) / double.Parse(b, CultureInfo.InvariantCulture)).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static Dictionary<string, string> Parse(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(Driver).Assembly.Location);
        info.ArgumentList.Add("--role");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + args[0]);
    }

    private static async Task<int> ReadPortAsync(Process emulator)
    {
        while (await emulator.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.Error.WriteLine($"[emulator] {line}");
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return int.Parse(line[10..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("the emulator exited before listening");
    }

    private static async Task<string> RunToEndAsync(params string[] args)
    {
        using var process = Start(args);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{args[0]} failed: {output}");
        }

        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Console.Error.WriteLine($"[{args[0]}] {last}");
        return last;
    }
}

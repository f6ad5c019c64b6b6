using System.Diagnostics;
using System.Globalization;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>The driver's handle on a child process of this program (the emulator or a measuring worker), talking over stdin/stdout.</summary>
internal sealed class Worker : IDisposable
{
    private readonly Process _process;

    private Worker(Process process)
    {
        _process = process;
    }

    public static Worker Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(Worker).Assembly.Location);
        info.ArgumentList.Add("--role");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new Worker(Process.Start(info) ?? throw new InvalidOperationException("could not start " + args[0]));
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns the rest of it.</summary>
    public async Task<string> ReadUntilAsync(string prefix)
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        throw new InvalidOperationException($"process {_process.Id} ended before printing '{prefix}'");
    }

    public async Task<PassFigures> PassAsync()
    {
        await _process.StandardInput.WriteLineAsync("pass");
        await _process.StandardInput.FlushAsync();
        var fields = (await ReadUntilAsync("seconds=")).Insert(0, "seconds=")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        return new PassFigures(fields["seconds"], fields["peak_mib"], fields["before_mib"], (long)fields["seen"], (long)fields["deleted"]);
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}

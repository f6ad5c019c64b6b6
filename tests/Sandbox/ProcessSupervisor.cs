using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AwsIntegrations.Sandbox;

/// <summary>Starts the sandbox's processes, writes each one's output to its own log, and stops them all cleanly.</summary>
public sealed partial class ProcessSupervisor(string root, string configuration, string logDirectory) : IAsyncDisposable
{
    private readonly List<(Component Component, Process Process)> _running = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public IReadOnlyList<Component> Components => _running.Select(r => r.Component).ToList();

    public void Start(Component component)
    {
        var assembly = component.AssemblyPath(root, configuration);
        if (!File.Exists(assembly))
        {
            throw new SandboxException($"{component.Name}: {assembly} is missing (run without --no-build)");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        info.ArgumentList.Add(assembly);
        foreach (var argument in component.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in component.Environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new SandboxException($"{component.Name}: could not start");
        var log = new StreamWriter(Path.Combine(logDirectory, component.Name + ".log"), append: false) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => log.Dispose();
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _running.Add((component, process));
    }

    public async Task WaitReadyAsync(Component component, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var process = _running.Single(r => r.Component == component).Process;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new SandboxException($"{component.Name} exited with code {process.ExitCode}; see {Path.Combine(logDirectory, component.Name + ".log")}");
            }

            try
            {
                using var response = await _http.GetAsync(component.ReadinessUrl, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow answer; ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new SandboxException($"{component.Name} was not ready at {component.ReadinessUrl} within {timeout.TotalSeconds:0} s");
    }

    /// <summary>SIGTERM to every process (services first, emulators last), then waits; stragglers are killed.</summary>
    public async ValueTask DisposeAsync()
    {
        var running = _running.AsEnumerable().Reverse().Where(r => !r.Process.HasExited).ToList();
        foreach (var (_, process) in running)
        {
            _ = Kill(process.Id, 15);
        }

        foreach (var (_, process) in running)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        foreach (var (_, process) in _running)
        {
            process.Dispose();
        }

        _http.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process ended while its last lines were in flight.
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

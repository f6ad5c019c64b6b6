using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AwsIntegrations.Testing;

/// <summary>
/// A program the test starts as a real child process (a service or the emulators), with its output captured
/// and real POSIX signals for shutdown tests.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _stdout.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _stderr.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    public IReadOnlyList<string> StandardError => [.. _stderr];

    /// <summary>Starts <c>dotnet &lt;assembly&gt; args</c>; the assembly path is usually next to the test assembly.</summary>
    public static ChildProcess StartDotnet(string assemblyPath, IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assemblyPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {assemblyPath}"));
    }

    /// <summary>Starts any program by name or path.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}"));
    }

    /// <summary>Writes <paramref name="text"/> to the program's standard input and closes it.</summary>
    public async Task WriteInputAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        _process.StandardInput.Close();
    }

    public void SendSignal(PosixSignal signal)
    {
        var number = signal switch
        {
            PosixSignal.SIGTERM => 15,
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGQUIT => 3,
            PosixSignal.SIGHUP => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(signal)),
        };
        if (Kill(_process.Id, number) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {number}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>The exit code; a <see cref="TimeoutException"/> with everything the process printed when it has not exited in time.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"process {_process.Id} had not exited after {timeout.TotalSeconds:0.#} s; its output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public string Output => string.Join('\n', StandardOutput) + "\n--- stderr ---\n" + string.Join('\n', StandardError);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

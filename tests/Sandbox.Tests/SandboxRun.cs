using AwsIntegrations.Testing;

namespace AwsIntegrations.Sandbox.Tests;

/// <summary>One run of the README's first command with --once: every service as its own process, the demo, every step checked.</summary>
public sealed class SandboxRun : IAsyncLifetime
{
    public string WorkDir { get; } = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}");

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var assembly = Path.Combine(Deploy.Tests.Repository.Root, "tests/Sandbox/bin",
            AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug", "net10.0/Sandbox.dll");
        await using var sandbox = ChildProcess.StartDotnet(assembly, ["--once", "--no-build", "--work-dir", WorkDir]);
        ExitCode = await sandbox.WaitForExitAsync(TimeSpan.FromMinutes(6));
        Output = sandbox.Output + Logs();
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(WorkDir))
        {
            Directory.Delete(WorkDir, recursive: true);
        }

        return Task.CompletedTask;
    }

    private string Logs()
    {
        var logs = Path.Combine(WorkDir, "logs");
        return !Directory.Exists(logs) ? "" : string.Concat(Directory.GetFiles(logs).Select(f =>
            $"\n--- {Path.GetFileName(f)} (last lines) ---\n" + string.Join('\n', File.ReadLines(f).TakeLast(15))));
    }
}

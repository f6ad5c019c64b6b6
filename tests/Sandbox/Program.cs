using System.Diagnostics;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Sandbox;

SandboxOptions options;
try
{
    options = FlagBinder.Bind<SandboxOptions>(args, _ => null);
}
catch (HelpRequestedException)
{
    Console.Write(FlagHelp.Text("sandbox", new SandboxOptions()));
    return 0;
}
catch (FlagException problem)
{
    Console.Error.WriteLine($"sandbox: {problem.Message}");
    return 2;
}

var root = FindRepositoryRoot();
var workDir = Path.GetFullPath(Path.Combine(root, options.WorkDir));
var logs = Path.Combine(workDir, "logs");
Directory.CreateDirectory(logs);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    if (!options.NoBuild)
    {
        Progress.Step("building the solution");
        await BuildAsync(root, options.Configuration, stop.Token);
    }

    await using var supervisor = new ProcessSupervisor(root, options.Configuration, logs);
    foreach (var component in SuiteLayout.Components())
    {
        Progress.Step($"starting {component.Name}");
        supervisor.Start(component);
        await supervisor.WaitReadyAsync(component, TimeSpan.FromSeconds(60), stop.Token);
        Progress.Done($"{component.Name} ready ({component.ReadinessUrl})");
    }

    Progress.Done($"everything runs; logs in {logs}");
    if (options.Once)
    {
        return 0;
    }

    Console.WriteLine("Press Ctrl-C to stop every process.");
    await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    Progress.Step("stopping");
    return 0;
}
catch (SandboxException failure)
{
    Progress.Failed(failure.Message);
    return 1;
}
catch (OperationCanceledException)
{
    Progress.Step("stopped");
    return 0;
}

static async Task BuildAsync(string root, string configuration, CancellationToken cancellationToken)
{
    var info = new ProcessStartInfo("dotnet", ["build", "AwsIntegrations.sln", "-c", configuration, "--nologo", "-v", "quiet"])
    {
        WorkingDirectory = root,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var build = Process.Start(info)!;
    var output = build.StandardOutput.ReadToEndAsync(cancellationToken);
    var errors = build.StandardError.ReadToEndAsync(cancellationToken);
    await build.WaitForExitAsync(cancellationToken);
    if (build.ExitCode != 0)
    {
        throw new SandboxException("build failed:\n" + await output + await errors);
    }
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AwsIntegrations.sln")))
            {
                return directory.FullName;
            }
        }
    }

    throw new SandboxException("run the sandbox from inside the repository (AwsIntegrations.sln not found)");
}

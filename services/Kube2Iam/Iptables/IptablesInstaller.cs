using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kube2Iam.Iptables;

/// <summary>
/// Installs the DNAT rule at start when it is missing (so restarts never duplicate it) and removes it on shutdown,
/// so an uninstalled daemon leaves no rule that would black-hole the pods' metadata traffic.
/// </summary>
public sealed partial class IptablesInstaller(IptablesRule rule, ILogger<IptablesInstaller> logger, string executable = "iptables") : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await RunAsync("-C", cancellationToken).ConfigureAwait(false) == 0)
        {
            LogPresent(logger, string.Join(' ', rule.Spec()));
            return;
        }

        var code = await RunAsync("-A", cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"iptables could not add the metadata DNAT rule (exit code {code}); the daemon needs NET_ADMIN and host networking");
        }

        LogInstalled(logger, string.Join(' ', rule.Spec()));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Delete every copy (an older daemon may have appended duplicates), at most a few.
        for (var i = 0; i < 10 && await RunAsync("-C", CancellationToken.None).ConfigureAwait(false) == 0; i++)
        {
            await RunAsync("-D", CancellationToken.None).ConfigureAwait(false);
        }

        LogRemoved(logger);
    }

    private async Task<int> RunAsync(string action, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in rule.Command(action))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {executable}");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0 && action != "-C")
        {
            LogFailed(logger, action, (await error.ConfigureAwait(false)).Trim());
        }

        return process.ExitCode;
    }

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information, Message = "iptables rule installed: -t nat PREROUTING {Rule}")]
    private static partial void LogInstalled(ILogger logger, string rule);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Information, Message = "iptables rule already present: -t nat PREROUTING {Rule}")]
    private static partial void LogPresent(ILogger logger, string rule);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Information, Message = "iptables rule removed")]
    private static partial void LogRemoved(ILogger logger);

    [LoggerMessage(EventId = 5033, Level = LogLevel.Error, Message = "iptables {Action} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string action, string error);
}

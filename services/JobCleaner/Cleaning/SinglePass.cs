using Microsoft.Extensions.Hosting;

namespace AwsIntegrations.JobCleaner.Cleaning;

/// <summary>--once: one pass, then the process stops; <see cref="Succeeded"/> becomes its exit code (kube-job-cleaner's CronJob way).</summary>
public sealed class SinglePass(CleanupPass pass, IHostApplicationLifetime lifetime) : BackgroundService
{
    public bool? Succeeded { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Succeeded = (await pass.RunAsync(stoppingToken).ConfigureAwait(false)).Succeeded;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}

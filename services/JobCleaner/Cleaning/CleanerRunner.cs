using AwsIntegrations.Hosting.Loops;
using Microsoft.Extensions.Hosting;

namespace AwsIntegrations.JobCleaner.Cleaning;

/// <summary>
/// Starts the cleaner in its <see cref="RunMode"/>: one pass and a stop of the process (<see cref="OnceSucceeded"/> becomes its
/// exit code), or the leader election and the reconcile loop, which it starts only then, so a single pass never takes a Lease.
/// </summary>
public sealed class CleanerRunner(
    Func<CancellationToken, Task<RunMode>> decide,
    CleanupPass pass,
    Func<ReconcileLoop> createLoop,
    IHostedService? leaderElection,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private readonly List<IHostedService> _started = [];

    /// <summary>After a single pass: whether it succeeded; null when the cleaner keeps running (or has not finished it).</summary>
    public bool? OnceSucceeded { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await decide(stoppingToken).ConfigureAwait(false) == RunMode.Once)
        {
            try
            {
                OnceSucceeded = (await pass.RunAsync(stoppingToken).ConfigureAwait(false)).Succeeded;
            }
            finally
            {
                lifetime.StopApplication();
            }

            return;
        }

        foreach (var service in new[] { leaderElection, createLoop() }.OfType<IHostedService>())
        {
            await service.StartAsync(stoppingToken).ConfigureAwait(false);
            _started.Add(service);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // The loop finishes its pass first, then the elector releases the Lease.
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        foreach (var service in _started.OfType<IDisposable>())
        {
            service.Dispose();
        }

        base.Dispose();
    }
}

using AwsIntegrations.Kubernetes.Events;
using Microsoft.Extensions.Hosting;

namespace DnsController.Controller;

/// <summary>--once: one pass, then the process stops (after the Events it recorded are written).</summary>
public sealed class OnceRunner(DnsReconciler reconciler, EventRecorder events, OnceResult result, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var pass = await reconciler.ReconcileAsync(stoppingToken).ConfigureAwait(false);
            result.ExitCode = pass.Succeeded ? 0 : 1;
            await events.FlushAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            result.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}

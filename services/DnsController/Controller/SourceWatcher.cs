using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Hosting.Loops;
using Microsoft.Extensions.Hosting;

namespace DnsController.Controller;

/// <summary>Starts the informers, connects their notifications to the loop, and makes /readyz wait for their first list.</summary>
public sealed class SourceWatcher(InformerSources sources, TriggerRelay relay, ReconcileLoop loop, ReadinessState readiness) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        relay.Connect(loop.Trigger);
        readiness.AddCheck("informers", () => sources.HasSynced);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Hosting.Lifetime;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Leadership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kubernetes.Controllers;

/// <summary>
/// Runs one declared controller (controller-runtime's manager in spirit): it starts the watched informers and makes /readyz
/// wait for their first list, then either runs one pass and stops the process (its exit code says whether the pass
/// succeeded), or starts the leader election and the loop, which every watched change triggers. The Lease is only taken
/// when the loop runs; on stop the loop finishes its pass first, then the elector releases the Lease.
/// </summary>
internal sealed partial class ControllerRunner(ControllerBuilder declaration, IReconciler reconciler, IServiceProvider services) : BackgroundService
{
    private readonly List<IHostedService> _started = [];
    private readonly List<IDisposable> _subscriptions = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var informers = services.GetRequiredService<SharedInformerFactory>();
        var watched = declaration.Watches.Select(w => (Watch: w, Informer: w.Informer(informers))).ToList();
        services.GetRequiredService<ReadinessState>().AddCheck("informers", () => watched.All(w => w.Informer.HasSynced));

        if (declaration.Once is { } decide && await decide(services, stoppingToken).ConfigureAwait(false))
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            return;
        }

        var loop = CreateLoop();
        _subscriptions.AddRange(watched.Select(w => w.Watch.Subscribe(w.Informer, loop.Trigger)));
        foreach (var service in new IHostedService?[] { services.GetService<LeaderElector>(), loop }.OfType<IHostedService>())
        {
            await service.StartAsync(stoppingToken).ConfigureAwait(false);
            _started.Add(service);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        foreach (var disposable in _subscriptions.Concat(_started.OfType<IDisposable>()))
        {
            disposable.Dispose();
        }

        base.Dispose();
    }

    private ReconcileLoop CreateLoop() => new(
        declaration.LoopName,
        reconciler.ReconcileAsync,
        declaration.Loop,
        services.GetRequiredService<TimeProvider>(),
        new TermCountingGate(services.GetRequiredService<ILeadershipGate>(), services.GetRequiredService<LeadershipTerm>()),
        services.GetRequiredService<ILoggerFactory>().CreateLogger(declaration.LoopName),
        services.GetService<IMeterFactory>());

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(declaration.LoopName);
        var succeeded = false;
        try
        {
            services.GetRequiredService<LeadershipTerm>().Begin();
            var pass = await reconciler.ReconcileAsync(stoppingToken).ConfigureAwait(false);
            succeeded = pass.Succeeded;
            if (!pass.Succeeded)
            {
                LogOnceFailed(logger, declaration.LoopName, pass.Error ?? "unknown error");
            }

            if (services.GetService<EventRecorder>() is { } events)
            {
                await events.FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the pass finished: it did not succeed.
        }
        finally
        {
            services.GetRequiredService<ServiceExitCode>().Code = succeeded ? 0 : 1;
            services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        }
    }

    [LoggerMessage(EventId = 1130, Level = LogLevel.Warning, Message = "{Loop}: the single pass failed: {Error}")]
    private static partial void LogOnceFailed(ILogger logger, string loop, string error);
}

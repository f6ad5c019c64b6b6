using System.Diagnostics;
using System.Threading.Channels;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Router.Metrics;
using Router.Routing;

namespace Router.Kubernetes;

/// <summary>
/// Watches Ingresses, Services and EndpointSlices through the shared informers and rebuilds the route table as soon as one
/// changes (changes arriving during a build are coalesced into the next one), then swaps it in. Problems become Warning Events,
/// once each.
/// </summary>
public sealed partial class RouteTableUpdater(
    SharedInformerFactory informers,
    RouteTableHolder tables,
    BuildSettings settings,
    RouterMetrics metrics,
    EventRecorder events,
    TimeProvider time,
    ILogger<RouteTableUpdater> logger) : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private HashSet<string> _reported = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ingresses = informers.GetInformer<V1Ingress>();
        var services = informers.GetInformer<V1Service>();
        var slices = informers.GetInformer<V1EndpointSlice>(labelSelector: EndpointResolver.ServiceNameLabel);
        using var a = ingresses.AddHandler(Handler<V1Ingress>());
        using var b = services.AddHandler(Handler<V1Service>());
        using var c = slices.AddHandler(Handler<V1EndpointSlice>());
        await informers.WaitForSyncAsync(stoppingToken).ConfigureAwait(false);
        _changes.Writer.TryWrite(true);

        await foreach (var _ in _changes.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var clock = Stopwatch.StartNew();
            var result = RouteTableBuilder.Build(new ClusterState(ingresses.List(), services.List(), slices.List()), settings);
            tables.Swap(result.Table, time.GetUtcNow());
            settings.Endpoints.Retain(result.Addresses);
            settings.State.Sweep();
            metrics.Built(clock.Elapsed.TotalSeconds);
            LogBuilt(logger, result.Table.RouteCount, clock.Elapsed.TotalMilliseconds);
            Report(result.Problems);
        }
    }

    private InformerHandler<T> Handler<T>() =>
        new(_ => Changed(), (_, _) => Changed(), _ => Changed());

    private void Changed() => _changes.Writer.TryWrite(true);

    private void Report(IReadOnlyList<BuildProblem> problems)
    {
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            if (current.Add(problem.Key) && !_reported.Contains(problem.Key))
            {
                LogProblem(logger, problem.Ingress.Metadata.NamespaceProperty, problem.Ingress.Metadata.Name, problem.Reason, problem.Message);
                events.Warning(problem.Ingress, problem.Reason, problem.Message);
            }
        }

        _reported = current;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Route table rebuilt: {Routes} routes in {Milliseconds} ms")]
    private static partial void LogBuilt(ILogger logger, int routes, double milliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Ingress {Namespace}/{Name}: {Reason}: {Message}")]
    private static partial void LogProblem(ILogger logger, string? @namespace, string? name, string reason, string message);
}

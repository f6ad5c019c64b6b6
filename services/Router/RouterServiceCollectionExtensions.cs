using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Hosting.Logging;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Controllers;
using AwsIntegrations.Kubernetes.Events;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Kubernetes;
using AwsIntegrations.Router.Metrics;
using AwsIntegrations.Router.Options;
using AwsIntegrations.Router.Proxy;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router;

public static class RouterServiceCollectionExtensions
{
    /// <summary>
    /// The Router: Ingresses, IngressClasses, Services and EndpointSlices watched, the route table rebuilt on every change (every replica,
    /// no leader), and the proxy on --address:--port.
    /// </summary>
    public static void AddRouter(this ServiceHostBuilder<RouterOptions> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Options;
        var services = host.AddKubernetesFor(options.Kubernetes);
        services.AddHttpForwarder();
        // YARP logs two Information lines per forwarded request ("Proxying to", "Received HTTP/1.1 response"): framework chatter,
        // kept at warning like the rest unless debugging; --access-log is the Router's own line per request.
        host.Builder.Logging.AddFilter("Yarp", LoggingSetup.ParseLevel(options.LogLevel) <= LogLevel.Debug ? LogLevel.Debug : LogLevel.Warning);
        services.AddSingleton<RouteTableHolder>();
        services.AddSingleton<EndpointRegistry>();
        services.AddSingleton(sp => BuildSettings.From(options, sp.GetRequiredService<EndpointRegistry>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RouterMetrics>();
        services.AddSingleton(_ => BackendClient.Create(options));
        services.AddSingleton<ProxyHandler>();
        services.AddSingleton(sp => new ProblemReporter(sp.GetRequiredService<EventRecorder>(), sp.GetRequiredService<ILogger<RouteTableReconciler>>()));
        services.AddController<RouteTableReconciler>(RouterOptions.ServiceName, controller => controller
            .Watch<V1Ingress>()
            .Watch<V1IngressClass>()
            .Watch<V1Service>()
            .Watch<V1EndpointSlice>(labelSelector: EndpointResolver.ServiceNameLabel)
            .WithLoop(debounce: TimeSpan.Zero, resyncInterval: TimeSpan.FromDays(1)));
        // With socket completions inline (Program.cs), Kestrel runs each request on the thread that read it: no thread-pool
        // hop between the client's socket, YARP and the backend's socket.
        services.Configure<SocketTransportOptions>(transport => transport.UnsafePreferInlineScheduling = InlineIo.Enabled);
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestHeadersTotalSize = options.MaxRequestHeaderBytes;
            ReceivedConnectionHeader.Install(kestrel);
        });

        host.OnBuilt(app =>
        {
            var tables = app.Services.GetRequiredService<RouteTableHolder>();
            app.Services.GetRequiredService<ReadinessState>().AddCheck("route table loaded", () => tables.IsLoaded);
        });
        host.Listen(options.Address, options.Port, app =>
        {
            var handler = app.ApplicationServices.GetRequiredService<ProxyHandler>();
            app.Run(handler.InvokeAsync);
        });
    }
}

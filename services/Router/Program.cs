using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Hosting.Logging;
using AwsIntegrations.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Router.Backends;
using Router.Kubernetes;
using Router.Metrics;
using Router.Options;
using Router.Proxy;
using Router.Routing;

InlineIo.EnableUnlessSet();
return await ServiceHost.RunAsync<RouterOptions>("router", args, host =>
{
    var options = host.Options;
    host.Services.AddKubernetes(options.Kubernetes);
    host.Services.AddKubernetesEvents("router");
    host.Services.AddHttpForwarder();
    // YARP logs two Information lines per forwarded request ("Proxying to", "Received HTTP/1.1 response"): framework chatter,
    // kept at warning like the rest unless debugging; --access-log is the Router's own line per request.
    host.Builder.Logging.AddFilter("Yarp", LoggingSetup.ParseLevel(options.LogLevel) <= LogLevel.Debug ? LogLevel.Debug : LogLevel.Warning);
    host.Services.AddSingleton<RouteTableHolder>();
    host.Services.AddSingleton<EndpointRegistry>();
    host.Services.AddSingleton(sp => BuildSettings.From(options, sp.GetRequiredService<EndpointRegistry>(), sp.GetRequiredService<TimeProvider>()));
    host.Services.AddSingleton<RouterMetrics>();
    host.Services.AddSingleton(_ => BackendClient.Create(options));
    host.Services.AddSingleton<ProxyHandler>();
    host.Services.AddHostedService<RouteTableUpdater>();
    // With socket completions inline (set above), Kestrel runs each request on the thread that read it: no thread-pool hop
    // between the client's socket, YARP and the backend's socket.
    host.Services.Configure<SocketTransportOptions>(transport => transport.UnsafePreferInlineScheduling = InlineIo.Enabled);
    host.Services.Configure<KestrelServerOptions>(kestrel =>
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
});

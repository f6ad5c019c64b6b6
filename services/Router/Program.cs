using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Router.Backends;
using Router.Kubernetes;
using Router.Metrics;
using Router.Options;
using Router.Proxy;
using Router.Routing;

return await ServiceHost.RunAsync<RouterOptions>("router", args, host =>
{
    var options = host.Options;
    host.Services.AddKubernetes(options.Kubernetes);
    host.Services.AddKubernetesEvents("router");
    host.Services.AddHttpForwarder();
    host.Services.AddSingleton<RouteTableHolder>();
    host.Services.AddSingleton<EndpointRegistry>();
    host.Services.AddSingleton(sp => BuildSettings.From(options, sp.GetRequiredService<EndpointRegistry>(), sp.GetRequiredService<TimeProvider>()));
    host.Services.AddSingleton<RouterMetrics>();
    host.Services.AddSingleton(_ => BackendClient.Create(options));
    host.Services.AddSingleton<ProxyHandler>();
    host.Services.AddHostedService<RouteTableUpdater>();
    host.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestHeadersTotalSize = options.MaxRequestHeaderBytes);

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

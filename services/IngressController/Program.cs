using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.IngressController.Controller;
using AwsIntegrations.IngressController.Options;
using Microsoft.Extensions.DependencyInjection;

return await ServiceHost.RunAsync<IngressControllerOptions>(IngressControllerOptions.ServiceName, args, host =>
{
    host.Services.AddIngressController(host.Options);
    host.OnBuilt(app =>
    {
        var cluster = app.Services.GetRequiredService<ClusterView>();
        app.Services.GetRequiredService<ReadinessState>().AddCheck("informers", () => cluster.HasSynced);
    });
});

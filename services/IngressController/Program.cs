using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.IngressController.Controller;
using AwsIntegrations.IngressController.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// kube-ingress-aws-controller's --version prints the version and exits.
if (args.Any(a => a is "--version" or "-version" or "--version=true"))
{
    Console.WriteLine($"{IngressControllerOptions.ServiceName} {ServiceHost.Version}");
    return ServiceHost.ExitOk;
}

return await ServiceHost.RunAsync<IngressControllerOptions>(IngressControllerOptions.ServiceName, args, host =>
{
    host.Services.AddIngressController(host.Options);
    host.OnBuilt(app =>
    {
        var cluster = app.Services.GetRequiredService<ClusterView>();
        app.Services.GetRequiredService<ReadinessState>().AddCheck("informers", () => cluster.HasSynced);
        if (host.Options.Anchor.Ignored() is { Count: > 0 } ignored)
        {
            StartupWarnings.IgnoredFlags(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(IngressControllerOptions.ServiceName),
                string.Join("; ", ignored.Select(i => $"{i.Flag} ({i.Reason})")));
        }
    });
});

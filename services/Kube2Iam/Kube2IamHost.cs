using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Hosting.Metrics;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kube2Iam.Debugging;
using AwsIntegrations.Kube2Iam.Metadata;
using AwsIntegrations.Kube2Iam.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kube2Iam;

/// <summary>What Program.cs configures on the shared host (also used by tests that run the daemon in-process).</summary>
public static class Kube2IamHost
{
    public const string ServiceName = Kube2IamOptions.ServiceName;

    public static void Configure(ServiceHostBuilder<Kube2IamOptions> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Options;
        host.Services.AddKube2Iam(options);
        host.Listen(options.AppAddress, options.AppPort, app =>
        {
            var services = app.ApplicationServices;
            var handler = services.GetRequiredService<MetadataHandler>();
            var debug = services.GetService<DebugStore>();
            var readiness = services.GetRequiredService<ReadinessState>();
            var liveness = services.GetRequiredService<LivenessState>();
            var metrics = services.GetRequiredService<MetricsCollector>();
            // kube2iam serves /healthz on the app port whatever --metrics-port says (its chart probes it there), and
            // /debug/store there with --debug; neither needs the caller to be a pod.
            app.Run(context =>
                context.Request.Path == "/healthz" ? ManagementEndpoints.HandleAsync(context, readiness, liveness, metrics)
                : debug is not null && context.Request.Path == DebugStore.Path ? debug.HandleAsync(context)
                : handler.HandleAsync(context));
        });
        host.OnBuilt(app =>
        {
            Kube2IamServices.AddReadinessChecks(app.Services);
        });
    }
}

using AwsIntegrations.Hosting;
using Kube2Iam.Metadata;
using Kube2Iam.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Kube2Iam;

/// <summary>What Program.cs configures on the shared host (also used by tests that run the daemon in-process).</summary>
public static class Kube2IamHost
{
    public const string ServiceName = "kube2iam";

    public static void Configure(ServiceHostBuilder<Kube2IamOptions> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Services.AddKube2Iam(host.Options);
        host.Listen(host.Options.AppAddress, host.Options.AppPort, app =>
        {
            var handler = app.ApplicationServices.GetRequiredService<MetadataHandler>();
            app.Run(handler.HandleAsync);
        });
        host.OnBuilt(app => Kube2IamServices.AddReadinessChecks(app.Services));
    }
}

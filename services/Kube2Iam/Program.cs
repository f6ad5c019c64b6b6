using AwsIntegrations.Hosting;
using Kube2Iam;
using Kube2Iam.Metadata;
using Kube2Iam.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

return await ServiceHost.RunAsync<Kube2IamOptions>("kube2iam", args, host =>
{
    host.Services.AddKube2Iam(host.Options);
    host.Listen(host.Options.AppAddress, host.Options.AppPort, app =>
    {
        var handler = app.ApplicationServices.GetRequiredService<MetadataHandler>();
        app.Run(handler.HandleAsync);
    });
    host.OnBuilt(app => Kube2IamServices.AddReadinessChecks(app.Services, host.Options));
});

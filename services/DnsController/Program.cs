using AwsIntegrations.Hosting;
using DnsController.Controller;
using DnsController.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var once = new OnceResult();
var code = await ServiceHost.RunAsync<DnsControllerOptions>(DnsControllerServices.Name, args, host =>
{
    host.Services.AddDnsController(host.Options, once);
    host.OnBuilt(app =>
    {
        if (host.Options.ExternalDns.Ignored() is { Count: > 0 } ignored)
        {
            StartupWarnings.IgnoredFlags(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(DnsControllerServices.Name),
                string.Join("; ", ignored.Select(i => $"{i.Flag} ({i.Reason})")));
        }
    });
});
return code != ServiceHost.ExitOk ? code : once.ExitCode;

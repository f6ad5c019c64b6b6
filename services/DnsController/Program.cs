using AwsIntegrations.Hosting;
using DnsController.Controller;
using DnsController.Options;

var once = new OnceResult();
var code = await ServiceHost.RunAsync<DnsControllerOptions>(DnsControllerServices.Name, args, host => host.Services.AddDnsController(host.Options, once));
return code != ServiceHost.ExitOk ? code : once.ExitCode;

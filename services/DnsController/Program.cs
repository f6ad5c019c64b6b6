using AwsIntegrations.Hosting;
using DnsController;
using DnsController.Options;

return await ServiceHost.RunAsync<DnsControllerOptions>(DnsControllerOptions.ServiceName, args, host => host.AddDnsController());

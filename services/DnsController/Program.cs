using AwsIntegrations.DnsController;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.Hosting;

return await ServiceHost.RunAsync<DnsControllerOptions>(DnsControllerOptions.ServiceName, args, host => host.AddDnsController());

using AwsIntegrations.Hosting;
using AwsIntegrations.Router;
using AwsIntegrations.Router.Options;
using AwsIntegrations.Router.Proxy;

InlineIo.EnableUnlessSet();
return await ServiceHost.RunAsync<RouterOptions>(RouterOptions.ServiceName, args, host => host.AddRouter());

using AwsIntegrations.Hosting;
using Router;
using Router.Options;
using Router.Proxy;

InlineIo.EnableUnlessSet();
return await ServiceHost.RunAsync<RouterOptions>(RouterOptions.ServiceName, args, host => host.AddRouter());

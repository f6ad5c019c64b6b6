using AwsIntegrations.Hosting;
using AwsIntegrations.NodeGate;
using AwsIntegrations.NodeGate.Options;

return await ServiceHost.RunAsync<NodeGateOptions>(NodeGateOptions.ServiceName, args, host => host.AddNodeGate());

using AwsIntegrations.Hosting;
using Kube2Iam;
using Kube2Iam.Options;

return await ServiceHost.RunAsync<Kube2IamOptions>(Kube2IamHost.ServiceName, args, Kube2IamHost.Configure);

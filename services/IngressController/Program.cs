using AwsIntegrations.Hosting;
using AwsIntegrations.IngressController;
using AwsIntegrations.IngressController.Options;

// kube-ingress-aws-controller's --version prints the version and exits.
if (args.Any(a => a is "--version" or "-version" or "--version=true"))
{
    Console.WriteLine($"{IngressControllerOptions.ServiceName} {ServiceHost.Version}");
    return ServiceHost.ExitOk;
}

return await ServiceHost.RunAsync<IngressControllerOptions>(IngressControllerOptions.ServiceName, args, host => host.AddIngressController());

using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kube2Iam;
using AwsIntegrations.Kube2Iam.Options;

// kube2iam's --version prints the version and exits before anything starts (bad flags are reported by RunAsync).
if (TryBind(args)?.Version == true)
{
    Console.WriteLine($"Version: {ServiceHost.Version}");
    return ServiceHost.ExitOk;
}

return await ServiceHost.RunAsync<Kube2IamOptions>(Kube2IamHost.ServiceName, args, Kube2IamHost.Configure);

static Kube2IamOptions? TryBind(string[] args)
{
    try
    {
        return FlagBinder.Bind<Kube2IamOptions>(args, Environment.GetEnvironmentVariable);
    }
    catch (Exception e) when (e is FlagException or HelpRequestedException)
    {
        return null;
    }
}

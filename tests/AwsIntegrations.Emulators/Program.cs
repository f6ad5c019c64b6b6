using System.Runtime.InteropServices;
using AwsIntegrations.Emulators;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Hosting.Options;

// Runs the emulators until SIGTERM or Ctrl-C:
//   dotnet run --project tests/AwsIntegrations.Emulators -- [--kube-port 18080 [--kubeconfig-out FILE] [--kube-tls]] [--aws-port 18081 [--aws-seed FILE]]
EmulatorOptions options;
AwsState? awsState = null;
try
{
    options = FlagBinder.Bind<EmulatorOptions>(args, _ => null);
    if (options.RunsAws)
    {
        var seed = options.AwsSeed is null ? AwsSeed.Default() : AwsSeed.Load(options.AwsSeed);
        awsState = SeedLoader.Build(seed, TimeProvider.System, AwsEmulator.DefaultCredentials);
        awsState.Behavior.CopyFrom(options.AwsBehavior switch
        {
            "realistic" => new AwsBehavior(),
            "instant" => AwsBehavior.Instant(),
            var other => throw new FlagException("aws-behavior", other, "realistic or instant"),
        });
    }
}
catch (HelpRequestedException)
{
    Console.Write(FlagHelp.Text("emulators", new EmulatorOptions()));
    return 0;
}
catch (Exception e) when (e is FlagException or IOException or InvalidDataException)
{
    await Console.Error.WriteLineAsync($"emulators: {e.Message}");
    return 2;
}

await using var kube = options.RunsKubernetes
    ? await KubernetesEmulator.StartAsync(options.KubePort ?? 18080, new KubernetesEmulatorOptions { Tls = options.KubeTls })
    : null;
if (kube is not null)
{
    var kubeconfig = kube.WriteKubeconfig(options.KubeconfigOut ?? Path.Combine(Path.GetTempPath(), $"emulator-kubeconfig-{kube.Port}.yaml"));
    Console.WriteLine($"kubernetes emulator listening on {kube.BaseAddress}");
    Console.WriteLine($"kubeconfig: {kubeconfig}");
}

await using var aws = awsState is not null ? await AwsEmulator.StartAsync(options.AwsPort ?? 18081, awsState) : null;
if (aws is not null)
{
    Console.WriteLine($"aws emulator listening on {aws.BaseUrl} (region {aws.State.Region}, access key {AwsEmulator.DefaultCredentials.AccessKeyId})");
}

var stop = new TaskCompletionSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
await stop.Task;
Console.WriteLine("emulators stopping");
return 0;

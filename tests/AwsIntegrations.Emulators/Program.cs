using System.Runtime.InteropServices;
using AwsIntegrations.Emulators;
using AwsIntegrations.Emulators.Kubernetes;

// Runs the emulators until SIGTERM or Ctrl-C:
//   dotnet run --project tests/AwsIntegrations.Emulators -- --kube-port 18080 [--kubeconfig-out FILE] [--kube-tls]
EmulatorArguments options;
try
{
    options = EmulatorArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await using var kube = await KubernetesEmulator.StartAsync(options.KubePort, new KubernetesEmulatorOptions { Tls = options.KubeTls });
var kubeconfig = kube.WriteKubeconfig(options.KubeconfigOut ?? Path.Combine(Path.GetTempPath(), $"emulator-kubeconfig-{kube.Port}.yaml"));
Console.WriteLine($"kubernetes emulator listening on {kube.BaseAddress}");
Console.WriteLine($"kubeconfig: {kubeconfig}");

var stop = new TaskCompletionSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
await stop.Task;
Console.WriteLine("emulators stopping");
return 0;

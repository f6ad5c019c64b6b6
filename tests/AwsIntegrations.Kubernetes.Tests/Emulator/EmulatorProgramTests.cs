using System.Runtime.InteropServices;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Emulator;

/// <summary>The emulators as a program of their own, as the sandbox and a developer run them.</summary>
public sealed class EmulatorProgramTests
{
    private static string Assembly => typeof(KubernetesEmulator).Assembly.Location;

    [Fact]
    public async Task Standalone_WritesAKubeconfigKubectlUses_AndStopsOnSigterm()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-").FullName;
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var port = FreePort.Next();
        await using var emulator = ChildProcess.StartDotnet(Assembly, ["--kube-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--kubeconfig-out", kubeconfig]);
        await Eventually.HoldsAsync(() => emulator.StandardOutput.Any(l => l.StartsWith("kubeconfig:", StringComparison.Ordinal)), "the emulator says where its kubeconfig is");

        await using (var kubectl = ChildProcess.Start("kubectl", ["--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(directory, "cache"), "get", "namespaces", "-o", "name"]))
        {
            (await kubectl.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, kubectl.Output);
            kubectl.StandardOutput.Should().Contain("namespace/default");
        }

        emulator.SendSignal(PosixSignal.SIGTERM);

        (await emulator.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(0);
        emulator.StandardOutput.Should().Contain($"kubernetes emulator listening on http://127.0.0.1:{port}/");
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Standalone_UnknownOption_ExitsWithAnErrorNamingIt()
    {
        await using var emulator = ChildProcess.StartDotnet(Assembly, ["--kube-prot", "1"]);

        (await emulator.WaitForExitAsync(TimeSpan.FromSeconds(20))).Should().Be(2);
        emulator.StandardError.Should().ContainMatch("*--kube-prot*");
    }
}

using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Kubectl;

/// <summary>The real kubectl binary, pointed at an emulator through a kubeconfig the emulator wrote.</summary>
internal sealed class Kubectl : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubectl-").FullName;
    private readonly string _kubeconfig;

    public Kubectl(KubernetesEmulator kube) => _kubeconfig = kube.WriteKubeconfig(Path.Combine(_directory, "kubeconfig"));

    public string WriteManifest(string name, string yaml)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Runs kubectl to completion; throws with its output when it fails.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        await using var process = Start(args);
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        if (code != 0)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', args)} exited {code}:\n{process.Output}");
        }

        return string.Join('\n', process.StandardOutput);
    }

    /// <summary>Runs kubectl expecting failure; returns its error output.</summary>
    public async Task<string> FailAsync(params string[] args)
    {
        await using var process = Start(args);
        var code = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        code.Should().NotBe(0, $"kubectl {string.Join(' ', args)} should fail");
        return string.Join('\n', process.StandardError);
    }

    public ChildProcess Start(params string[] args) =>
        ChildProcess.Start("kubectl", ["--kubeconfig", _kubeconfig, "--cache-dir", Path.Combine(_directory, "cache"), .. args], new Dictionary<string, string?> { ["HOME"] = _directory });

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

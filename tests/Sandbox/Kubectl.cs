using System.Diagnostics;

namespace AwsIntegrations.Sandbox;

/// <summary>The real kubectl, pointed at the emulator: the sandbox sets up its scenario the way a user would.</summary>
public sealed class Kubectl(string kubeconfig)
{
    public Task<string> ApplyAsync(string manifest, CancellationToken cancellationToken) =>
        RunAsync(["apply", "-f", "-"], manifest, cancellationToken);

    public Task<string> PatchStatusAsync(string kind, string? ns, string name, string mergePatch, CancellationToken cancellationToken) =>
        RunAsync([.. Namespace(ns), "patch", kind, name, "--subresource=status", "--type=merge", "-p", mergePatch], null, cancellationToken);

    public async Task<string> GetAsync(string kind, string? ns, string name, string jsonPath, CancellationToken cancellationToken) =>
        (await RunAsync([.. Namespace(ns), "get", kind, name, "-o", $"jsonpath={jsonPath}"], null, cancellationToken)).Trim();

    public async Task<string> RunAsync(IReadOnlyList<string> args, string? input, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new SandboxException("kubectl could not start (is it installed?)");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new SandboxException($"kubectl {string.Join(' ', args)} failed: {(await errors).Trim()}");
        }

        return await output;
    }

    private static string[] Namespace(string? ns) => ns is null ? [] : ["-n", ns];
}

using System.Diagnostics;
using System.Text.Json;
using AwsIntegrations.Kubernetes.Serialization;

namespace AwsIntegrations.Kubernetes.Config;

/// <summary>A token from a kubeconfig exec plugin (e.g. `aws eks get-token`), cached until shortly before it expires.</summary>
public sealed class ExecTokenSource(ExecConfig exec, TimeProvider time) : ITokenSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null || time.GetUtcNow() >= _expires)
            {
                var credential = await RunAsync(cancellationToken).ConfigureAwait(false);
                _token = credential.Status?.Token ?? throw new InvalidOperationException($"exec plugin {exec.Command} printed no status.token");
                _expires = (credential.Status.ExpirationTimestamp ?? DateTimeOffset.MaxValue).AddSeconds(-30);
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _token = null;

    private async Task<ExecCredential> RunAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(exec.Command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in exec.Args ?? [])
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var variable in exec.Env ?? [])
        {
            info.Environment[variable.Name] = variable.Value;
        }

        var apiVersion = exec.ApiVersion ?? "client.authentication.k8s.io/v1";
        info.Environment["KUBERNETES_EXEC_INFO"] = "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start exec plugin {exec.Command}");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"exec plugin {exec.Command} exited with {process.ExitCode}: {errors.Trim()}");
        }

        return JsonSerializer.Deserialize(output, KubernetesJsonContext.Default.ExecCredential)
            ?? throw new InvalidOperationException($"exec plugin {exec.Command} printed no ExecCredential");
    }
}

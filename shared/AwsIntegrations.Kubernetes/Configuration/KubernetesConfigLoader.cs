using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Exceptions;

namespace AwsIntegrations.Kubernetes.Configuration;

/// <summary>
/// Picks the configuration client-go would: --kubeconfig if given, else the in-cluster service account if running in a
/// pod, else $KUBECONFIG (its first existing file), else ~/.kube/config. KubernetesClient reads the kubeconfig (tokens,
/// client certificates, exec plugins, OIDC); --context picks its context.
/// </summary>
public static class KubernetesConfigLoader
{
    public static KubernetesClientConfiguration Load(KubernetesOptions options, InClusterConfig? inCluster = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        inCluster ??= InClusterConfig.Default;
        if (!string.IsNullOrEmpty(options.Kubeconfig))
        {
            return FromKubeconfig(options.Kubeconfig, options.Context);
        }

        if (inCluster.IsAvailable)
        {
            return inCluster.Load();
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        var path = fromEnvironment ?? (File.Exists(home) ? home : null);
        return path is null
            ? throw new KubeConfigException(
                "no Kubernetes configuration found: not running in a pod (KUBERNETES_SERVICE_HOST unset or no service-account token), " +
                "no --kubeconfig, $KUBECONFIG names no existing file and ~/.kube/config does not exist")
            : FromKubeconfig(path, options.Context);
    }

    /// <summary>
    /// The kubeconfig at <paramref name="path"/>, in its current context or <paramref name="context"/>. When an exec plugin
    /// fails, what it printed on stderr is added to KubernetesClient's error (which only says that it failed).
    /// </summary>
    public static KubernetesClientConfiguration FromKubeconfig(string path, string? context = null)
    {
        if (!File.Exists(path))
        {
            throw new KubeConfigException($"kubeconfig {path} does not exist");
        }

        var stderr = new ConcurrentQueue<string>();
        void Capture(object? sender, DataReceivedEventArgs line)
        {
            if (!string.IsNullOrWhiteSpace(line.Data))
            {
                stderr.Enqueue(line.Data.Trim());
            }
        }

        KubernetesClientConfiguration.ExecStdError += Capture;
        try
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, string.IsNullOrEmpty(context) ? null : context);
            if (!Uri.TryCreate(config.Host, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
            {
                throw new KubeConfigException($"kubeconfig {path}: the cluster of context \"{config.CurrentContext}\" has no valid https:// server (got \"{config.Host}\")");
            }

            if (string.IsNullOrEmpty(config.Namespace))
            {
                config.Namespace = "default";
            }

            return config;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new KubeConfigException($"kubeconfig {path} is not valid YAML: {e.Message}", e);
        }
        catch (KubeConfigException e) when (!stderr.IsEmpty)
        {
            throw new KubeConfigException($"kubeconfig {path}: {e.Message}; the exec plugin said: {string.Join(" ", stderr)}", e);
        }
        finally
        {
            KubernetesClientConfiguration.ExecStdError -= Capture;
        }
    }
}

using YamlDotNet.Serialization;

namespace AwsIntegrations.Kubernetes.Config;

/// <summary>The parts of a kubeconfig file this client reads (clientcmd/api/v1 names).</summary>
public sealed class KubeConfigFile
{
    [YamlMember(Alias = "current-context", ApplyNamingConventions = false)]
    public string? CurrentContext { get; set; }

    public List<NamedCluster> Clusters { get; set; } = [];

    public List<NamedUser> Users { get; set; } = [];

    public List<NamedContext> Contexts { get; set; } = [];
}

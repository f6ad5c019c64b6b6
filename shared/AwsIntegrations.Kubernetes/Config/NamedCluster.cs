namespace AwsIntegrations.Kubernetes.Config;

public sealed class NamedCluster
{
    public string Name { get; set; } = "";

    public ClusterEntry Cluster { get; set; } = new();
}

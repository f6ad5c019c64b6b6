namespace AwsIntegrations.Kubernetes.Config;

public sealed class ContextEntry
{
    public string Cluster { get; set; } = "";

    public string User { get; set; } = "";

    public string? Namespace { get; set; }
}

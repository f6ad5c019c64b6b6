namespace AwsIntegrations.Kubernetes.Models;

public sealed class PodIP : Extensible
{
    public string Ip { get; set; } = "";
}

namespace AwsIntegrations.Kubernetes.Models;

public sealed class PodSpec : Extensible
{
    public string? NodeName { get; set; }

    public string? ServiceAccountName { get; set; }

    public bool? HostNetwork { get; set; }

    public Dictionary<string, string>? NodeSelector { get; set; }

    public Affinity? Affinity { get; set; }

    public List<Toleration>? Tolerations { get; set; }

    public string? RestartPolicy { get; set; }

    public List<Container> Containers { get; set; } = [];
}

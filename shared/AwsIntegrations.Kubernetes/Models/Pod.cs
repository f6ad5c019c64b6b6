namespace AwsIntegrations.Kubernetes.Models;

public sealed class Pod : KubernetesObject
{
    public PodSpec? Spec { get; set; }

    public PodStatus? Status { get; set; }
}

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

public sealed class Container : Extensible
{
    public string Name { get; set; } = "";

    public string? Image { get; set; }

    public List<ContainerPortSpec>? Ports { get; set; }
}

public sealed class ContainerPortSpec : Extensible
{
    public string? Name { get; set; }

    public int ContainerPort { get; set; }

    public string? Protocol { get; set; }
}

public sealed class PodStatus : Extensible
{
    public string? Phase { get; set; }

    public string? PodIP { get; set; }

    public List<PodIP>? PodIPs { get; set; }

    public string? HostIP { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public List<Condition>? Conditions { get; set; }
}

public sealed class PodIP : Extensible
{
    public string Ip { get; set; } = "";
}

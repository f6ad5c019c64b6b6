namespace AwsIntegrations.Kubernetes.Models;

public sealed class Service : KubernetesObject
{
    public ServiceSpec? Spec { get; set; }

    public ServiceStatus? Status { get; set; }
}

public sealed class ServiceSpec : Extensible
{
    public string? Type { get; set; }

    public string? ClusterIP { get; set; }

    public string? ExternalName { get; set; }

    public Dictionary<string, string>? Selector { get; set; }

    public List<ServicePort>? Ports { get; set; }
}

public sealed class ServicePort : Extensible
{
    public string? Name { get; set; }

    public int Port { get; set; }

    public IntOrString? TargetPort { get; set; }

    public int? NodePort { get; set; }

    public string? Protocol { get; set; }
}

public sealed class ServiceStatus : Extensible
{
    public LoadBalancerStatus? LoadBalancer { get; set; }
}

public sealed class LoadBalancerStatus : Extensible
{
    public List<LoadBalancerIngress>? Ingress { get; set; }
}

public sealed class LoadBalancerIngress : Extensible
{
    public string? Ip { get; set; }

    public string? Hostname { get; set; }
}

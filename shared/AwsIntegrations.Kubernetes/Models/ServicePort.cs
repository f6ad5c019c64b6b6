namespace AwsIntegrations.Kubernetes.Models;

public sealed class ServicePort : Extensible
{
    public string? Name { get; set; }

    public int Port { get; set; }

    public IntOrString? TargetPort { get; set; }

    public int? NodePort { get; set; }

    public string? Protocol { get; set; }
}

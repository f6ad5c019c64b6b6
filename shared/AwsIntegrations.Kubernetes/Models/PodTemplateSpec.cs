namespace AwsIntegrations.Kubernetes.Models;

public sealed class PodTemplateSpec : Extensible
{
    public ObjectMeta? Metadata { get; set; }

    public PodSpec? Spec { get; set; }
}

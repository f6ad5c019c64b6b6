namespace AwsIntegrations.Kubernetes.Models;

/// <summary>Every typed object: type metadata and object metadata.</summary>
public interface IKubernetesObject
{
    string? ApiVersion { get; set; }

    string? Kind { get; set; }

    ObjectMeta Metadata { get; set; }
}

namespace AwsIntegrations.Kubernetes.Models;

public sealed class Secret : KubernetesObject
{
    public string? Type { get; set; }

    /// <summary>Values as bytes (base64 on the wire).</summary>
    public Dictionary<string, byte[]>? Data { get; set; }

    public Dictionary<string, string>? StringData { get; set; }
}

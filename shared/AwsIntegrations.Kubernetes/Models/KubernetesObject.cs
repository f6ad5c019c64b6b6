using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwsIntegrations.Kubernetes.Models;

/// <summary>
/// Base of the typed models. <see cref="Extra"/> keeps every field this library does not model, so a
/// read-modify-write never drops what a newer server (or another controller) wrote.
/// </summary>
public abstract class KubernetesObject : IKubernetesObject
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

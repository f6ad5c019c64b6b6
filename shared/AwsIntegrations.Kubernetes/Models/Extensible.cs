using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwsIntegrations.Kubernetes.Models;

/// <summary>Base of nested model parts: unknown fields are kept in <see cref="Extra"/> and written back.</summary>
public abstract class Extensible
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

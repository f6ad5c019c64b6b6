using System.Text.Json.Serialization;

namespace AwsIntegrations.Kubernetes.Models;

/// <summary>metav1.Status: what the server answers for errors (and some deletes).</summary>
public sealed class Status : Extensible
{
    public string? Kind { get; set; }

    /// <summary>"Success" or "Failure".</summary>
    [JsonPropertyName("status")]
    public string? Outcome { get; set; }

    public string? Message { get; set; }

    public string? Reason { get; set; }

    public int? Code { get; set; }

    public StatusDetails? Details { get; set; }
}

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

public sealed class StatusDetails : Extensible
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    public string? Kind { get; set; }

    public int? RetryAfterSeconds { get; set; }

    public List<StatusCause>? Causes { get; set; }
}

public sealed class StatusCause : Extensible
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }
}

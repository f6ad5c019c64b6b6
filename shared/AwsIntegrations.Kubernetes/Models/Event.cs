using System.Text.Json.Serialization;
using AwsIntegrations.Kubernetes.Serialization;

namespace AwsIntegrations.Kubernetes.Models;

/// <summary>core/v1 Event, what `kubectl describe` shows under Events.</summary>
public sealed class Event : KubernetesObject
{
    public ObjectReference InvolvedObject { get; set; } = new();

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Type { get; set; }

    public int? Count { get; set; }

    public DateTimeOffset? FirstTimestamp { get; set; }

    public DateTimeOffset? LastTimestamp { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? EventTime { get; set; }

    public EventSource? Source { get; set; }

    public string? ReportingComponent { get; set; }

    public string? ReportingInstance { get; set; }
}

namespace AwsIntegrations.Kubernetes.Models;

public sealed class EventSource : Extensible
{
    public string? Component { get; set; }

    public string? Host { get; set; }
}

namespace AwsIntegrations.Kubernetes.Events;

/// <summary>Events with equal keys are one Event object whose count grows (client-go's aggregation key).</summary>
internal readonly record struct EventKey(string? Kind, string? Namespace, string? Name, string? Uid, string Type, string Reason, string Message)
{
    public string ObjectKey => $"{Kind}/{Namespace}/{Name}/{Uid}";
}

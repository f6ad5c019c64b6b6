namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>Notifications of an informer. They run one at a time, in the order of the changes: keep them short (enqueue work).</summary>
public sealed record InformerHandler<T>(Action<T>? OnAdd = null, Action<T, T>? OnUpdate = null, Action<T>? OnDelete = null);

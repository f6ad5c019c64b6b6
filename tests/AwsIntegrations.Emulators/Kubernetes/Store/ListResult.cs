namespace AwsIntegrations.Emulators.Kubernetes.Store;

public sealed record ListResult(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>One committed change, kept in the watch history. <see cref="Previous"/> lets a selector watch turn
/// a MODIFIED into ADDED or DELETED when the object enters or leaves the selection.</summary>
public sealed record StoredEvent(long ResourceVersion, string Type, StoredObject Object, StoredObject? Previous);

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>The parts of metav1.DeleteOptions the emulator honours.</summary>
public sealed record DeleteRequest(string? PropagationPolicy = null, string? PreconditionUid = null, string? PreconditionResourceVersion = null);

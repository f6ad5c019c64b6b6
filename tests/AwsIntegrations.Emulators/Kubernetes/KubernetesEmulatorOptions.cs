using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes;

public sealed class KubernetesEmulatorOptions
{
    /// <summary>When set, every request must carry "Authorization: Bearer {token}" (else 401); may change while running.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>How often a watch that allows bookmarks gets one.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a watch without timeoutSeconds stays open.</summary>
    public TimeSpan DefaultWatchTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many changes the watch history keeps; watches from older versions get 410 Gone.</summary>
    public int HistoryCapacity { get; set; } = 200_000;

    public IReadOnlyList<ResourceDefinition> Resources { get; set; } = ResourceDefinitions.Default;

    /// <summary>Namespaces that exist from the start, as in a fresh cluster.</summary>
    public IReadOnlyList<string> Namespaces { get; set; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Serve HTTPS with a certificate from a throwaway cluster CA (written into kubeconfigs), and accept client certificates.</summary>
    public bool Tls { get; set; }
}

using k8s.Models;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>Every Ingress in the informer cache, and those of our class not being deleted, by "namespace/name".</summary>
public sealed record IngressSnapshot(IReadOnlyList<V1Ingress> All, IReadOnlyDictionary<string, V1Ingress> Ours);

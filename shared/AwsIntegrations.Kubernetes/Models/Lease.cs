using System.Text.Json.Serialization;
using AwsIntegrations.Kubernetes.Serialization;

namespace AwsIntegrations.Kubernetes.Models;

/// <summary>coordination.k8s.io/v1 Lease, the lock of leader election.</summary>
public sealed class Lease : KubernetesObject
{
    public LeaseSpec? Spec { get; set; }
}

public sealed class LeaseSpec : Extensible
{
    public string? HolderIdentity { get; set; }

    public int? LeaseDurationSeconds { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? AcquireTime { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? RenewTime { get; set; }

    public int? LeaseTransitions { get; set; }
}

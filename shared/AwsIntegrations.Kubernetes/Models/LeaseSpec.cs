using System.Text.Json.Serialization;
using AwsIntegrations.Kubernetes.Serialization;

namespace AwsIntegrations.Kubernetes.Models;

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

namespace AwsIntegrations.Kubernetes.Models;

/// <summary>core/v1 Toleration. Operator "Exists" or "Equal" (empty means Equal); an empty key with Exists tolerates everything.</summary>
public sealed class Toleration : Extensible
{
    public string? Key { get; set; }

    public string? Operator { get; set; }

    public string? Value { get; set; }

    public string? Effect { get; set; }

    public long? TolerationSeconds { get; set; }
}

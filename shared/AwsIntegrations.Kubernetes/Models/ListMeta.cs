namespace AwsIntegrations.Kubernetes.Models;

public sealed class ListMeta : Extensible
{
    public string? ResourceVersion { get; set; }

    public string? Continue { get; set; }

    public long? RemainingItemCount { get; set; }
}

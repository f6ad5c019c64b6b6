namespace AwsIntegrations.Kubernetes.Models;

public sealed class StatusCause : Extensible
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }
}

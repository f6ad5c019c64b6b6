namespace AwsIntegrations.Kubernetes.Models;

public sealed class StatusDetails : Extensible
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    public string? Kind { get; set; }

    public int? RetryAfterSeconds { get; set; }

    public List<StatusCause>? Causes { get; set; }
}

namespace AwsIntegrations.Kubernetes.Config;

public sealed class ExecCredentialStatus
{
    public string? Token { get; set; }

    public DateTimeOffset? ExpirationTimestamp { get; set; }
}

namespace AwsIntegrations.Kubernetes.Config;

/// <summary>client.authentication.k8s.io ExecCredential, what an exec plugin (aws eks get-token) prints.</summary>
public sealed class ExecCredential
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ExecCredentialStatus? Status { get; set; }
}

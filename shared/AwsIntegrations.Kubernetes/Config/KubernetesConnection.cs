using System.Security.Cryptography.X509Certificates;

namespace AwsIntegrations.Kubernetes.Config;

/// <summary>Everything needed to talk to one API server: where, who we are, and whom to trust.</summary>
public sealed record KubernetesConnection(Uri Server)
{
    /// <summary>The namespace of the context (or the pod's own namespace in-cluster); "default" otherwise.</summary>
    public string Namespace { get; init; } = "default";

    public ITokenSource? Token { get; init; }

    public string? BasicAuth { get; init; }

    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Trusted roots for the server's certificate; null: the system's.</summary>
    public X509Certificate2Collection? CertificateAuthorities { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? TlsServerName { get; init; }
}

using YamlDotNet.Serialization;

namespace AwsIntegrations.Kubernetes.Config;

public sealed class ClusterEntry
{
    public string? Server { get; set; }

    [YamlMember(Alias = "certificate-authority", ApplyNamingConventions = false)]
    public string? CertificateAuthority { get; set; }

    [YamlMember(Alias = "certificate-authority-data", ApplyNamingConventions = false)]
    public string? CertificateAuthorityData { get; set; }

    [YamlMember(Alias = "insecure-skip-tls-verify", ApplyNamingConventions = false)]
    public bool InsecureSkipTlsVerify { get; set; }

    [YamlMember(Alias = "tls-server-name", ApplyNamingConventions = false)]
    public string? TlsServerName { get; set; }
}

using YamlDotNet.Serialization;

namespace AwsIntegrations.Kubernetes.Config;

public sealed class UserEntry
{
    public string? Token { get; set; }

    public string? TokenFile { get; set; }

    [YamlMember(Alias = "client-certificate", ApplyNamingConventions = false)]
    public string? ClientCertificate { get; set; }

    [YamlMember(Alias = "client-certificate-data", ApplyNamingConventions = false)]
    public string? ClientCertificateData { get; set; }

    [YamlMember(Alias = "client-key", ApplyNamingConventions = false)]
    public string? ClientKey { get; set; }

    [YamlMember(Alias = "client-key-data", ApplyNamingConventions = false)]
    public string? ClientKeyData { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public ExecConfig? Exec { get; set; }

    [YamlMember(Alias = "auth-provider", ApplyNamingConventions = false)]
    public Dictionary<string, object>? AuthProvider { get; set; }
}

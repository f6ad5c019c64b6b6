using YamlDotNet.Serialization;

namespace AwsIntegrations.Kubernetes.Config;

/// <summary>The parts of a kubeconfig file this client reads (clientcmd/api/v1 names).</summary>
public sealed class KubeConfigFile
{
    [YamlMember(Alias = "current-context", ApplyNamingConventions = false)]
    public string? CurrentContext { get; set; }

    public List<NamedCluster> Clusters { get; set; } = [];

    public List<NamedUser> Users { get; set; } = [];

    public List<NamedContext> Contexts { get; set; } = [];
}

public sealed class NamedCluster
{
    public string Name { get; set; } = "";

    public ClusterEntry Cluster { get; set; } = new();
}

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

public sealed class NamedUser
{
    public string Name { get; set; } = "";

    public UserEntry User { get; set; } = new();
}

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

public sealed class ExecConfig
{
    public string Command { get; set; } = "";

    public List<string>? Args { get; set; }

    public List<ExecEnv>? Env { get; set; }

    public string? ApiVersion { get; set; }
}

public sealed class ExecEnv
{
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";
}

public sealed class NamedContext
{
    public string Name { get; set; } = "";

    public ContextEntry Context { get; set; } = new();
}

public sealed class ContextEntry
{
    public string Cluster { get; set; } = "";

    public string User { get; set; } = "";

    public string? Namespace { get; set; }
}

using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Hosting.Tests.Options;

public enum Policy
{
    Sync,
    UpsertOnly,
    CreateOnly,
}

public sealed class KubeAccessOptions
{
    [Flag("kubeconfig", "Path to a kubeconfig.")]
    public string? Kubeconfig { get; set; }
}

public sealed class TestOptions : ServiceOptions
{
    [Flag("default-role", "Role for pods without an annotation.")]
    public string DefaultRole { get; set; } = string.Empty;

    [Flag("app-port", "Port of the proxy.")]
    [FlagRange(1, 65535)]
    public int AppPort { get; set; } = 8181;

    [Flag("iptables", "Install the DNAT rule.")]
    public bool Iptables { get; set; }

    [Flag("iam-role-session-ttl", "Cache TTL.")]
    public TimeSpan SessionTtl { get; set; } = TimeSpan.FromMinutes(15);

    [Flag("policy", "What may change.")]
    public Policy Policy { get; set; } = Policy.Sync;

    [Flag("domain-filter", "Zones to manage.")]
    public List<string> DomainFilter { get; set; } = ["default.example"];

    [Flag("node", "This node's name.", Env = "NODE_NAME")]
    public string Node { get; set; } = string.Empty;

    [Flag("auto-discover-base-arn", "Derive the base ARN from the instance profile.")]
    public bool AutoDiscoverBaseArn { get; set; }

    [Flag("base-role-arn", "Prefix for role names.", Aliases = ["base-arn"])]
    public string BaseRoleArn { get; set; } = string.Empty;

    [FlagGroup]
    public KubeAccessOptions Kube { get; set; } = new();

    public override FlagException? Validate() =>
        AutoDiscoverBaseArn && BaseRoleArn.Length > 0
            ? new FlagException("auto-discover-base-arn", "true", "cannot be combined with --base-role-arn")
            : base.Validate();
}

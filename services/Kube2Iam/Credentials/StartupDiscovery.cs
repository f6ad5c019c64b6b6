namespace AwsIntegrations.Kube2Iam.Credentials;

/// <summary>What to read from the node's instance metadata at start (--auto-discover-base-arn, --auto-discover-default-role).</summary>
public sealed record StartupDiscovery(bool BaseArn, bool DefaultRole);

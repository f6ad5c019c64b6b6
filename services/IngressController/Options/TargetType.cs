namespace AwsIntegrations.IngressController.Options;

/// <summary>What the target groups point at: node instances (router on a host port) or router pod IPs.</summary>
public enum TargetType
{
    Instance,
    Ip,
}

namespace AwsIntegrations.DnsController.Options;

/// <summary>When a load balancer hostname gets an AAAA ALIAS beside its A ALIAS (--aws-aaaa-alias).</summary>
public enum AaaaAlias
{
    /// <summary>Always, as external-dns does since v0.16 (provider/aws/aws.go AdjustEndpoints).</summary>
    Always,

    /// <summary>Only for dual-stack load balancers (IpAddressType dualstack, or a dualstack.* hostname).</summary>
    DualStack,
}

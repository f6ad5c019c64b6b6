using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>Load balancer settings an Ingress gets unless its annotations say otherwise, and the hosts that never get one.</summary>
public sealed record IngressDefaults(string Scheme, string IpAddressType, string SslPolicy, string? Waf, bool Http2, bool Redirect, string Type = LoadBalancerTypes.Application, string? ClusterLocalDomain = null)
{
    public static IngressDefaults From(IngressControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Scheme, options.IpAddressType, options.SslPolicy, string.IsNullOrEmpty(options.WafWebAclArn) ? null : options.WafWebAclArn, options.Http2, options.RedirectHttpToHttps,
            options.LoadBalancerType, string.IsNullOrWhiteSpace(options.ClusterLocalDomain) ? null : options.ClusterLocalDomain.Trim().Trim('.').ToLowerInvariant());
    }
}

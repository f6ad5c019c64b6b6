using System.Security.Cryptography;
using System.Text;
using AwsIntegrations.IngressController.Inventory;

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>
/// What must be equal for Ingresses to share a load balancer. <see cref="Owner"/> is set for an Ingress that asked for a
/// load balancer of its own (shared: "false"); <see cref="Type"/> is "application" or "network".
/// </summary>
public sealed record GroupKey(string Scheme, string IpAddressType, string? SecurityGroup, string SslPolicy, string? Waf, bool Http2, bool Redirect, string? Owner = null, string Type = LoadBalancerTypes.Application)
{
    public bool IsNetwork => Type == LoadBalancerTypes.Network;

    /// <summary>
    /// Six hex characters naming the group in load balancer names and tags. The web ACL of an Ingress's own load balancer
    /// is left out: no other Ingress shares it, so a changed ACL is swapped on the same load balancer instead of moving.
    /// The type counts only when it is not "application", so the names of Application Load Balancers made before Network
    /// Load Balancers were supported stay the same.
    /// </summary>
    public string Hash
    {
        get
        {
            var waf = Owner is null ? Waf ?? "" : "";
            var text = string.Join('\n', Scheme, IpAddressType, SecurityGroup ?? "", SslPolicy, waf, Http2 ? "h2" : "h1", Redirect ? ListenerActions.Redirect : ListenerActions.Forward, Owner ?? "");
            text = IsNetwork ? text + "\n" + Type : text;
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..6];
        }
    }
}

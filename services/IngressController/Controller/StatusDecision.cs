using AwsIntegrations.IngressController.Inventory;
using k8s.Models;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>
/// The status of an Ingress points at its load balancer once it is active (and --min-load-balancer-age old); an Ingress not
/// (or no longer) served by us loses a status that names one of our load balancers, and keeps any other.
/// </summary>
public static class StatusDecision
{
    /// <param name="alb">The load balancer the Ingress is placed on; null when it is not ours or not placed.</param>
    public static StatusAction For(V1Ingress ingress, string? alb, AwsInventory inventory, TimeSpan minLoadBalancerAge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(inventory);
        if (alb is not null && inventory.Albs.TryGetValue(alb, out var state))
        {
            if (!state.IsActive && !state.IsProvisioning)
            {
                return StatusAction.Keep; // failed: AWS will not make it active; the next resync reads it again
            }

            var wait = !state.IsActive ? AwsView.ProvisioningPoll
                : minLoadBalancerAge > TimeSpan.Zero ? state.CreatedTime + minLoadBalancerAge - now
                : TimeSpan.Zero;
            return wait > TimeSpan.Zero ? StatusAction.Wait(wait) : StatusAction.Set(state.DnsName.ToLowerInvariant());
        }

        var pointsAtUs = (ingress.Status?.LoadBalancer?.Ingress ?? []).Any(e => e.Hostname is { } h && inventory.AlbByDnsName(h) is not null);
        return pointsAtUs ? StatusAction.Clear : StatusAction.Keep;
    }
}

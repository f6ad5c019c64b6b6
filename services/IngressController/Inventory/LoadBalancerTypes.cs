namespace AwsIntegrations.IngressController.Inventory;

/// <summary>ELBv2's load balancer types the controller makes (its Type field, and --load-balancer-type's values).</summary>
public static class LoadBalancerTypes
{
    public const string Application = "application";
    public const string Network = "network";
}

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>ELBv2's load balancer state codes the controller acts on.</summary>
public static class LoadBalancerStates
{
    public const string Provisioning = "provisioning";
    public const string Active = "active";

    /// <summary>Up, with a zone impaired.</summary>
    public const string ActiveImpaired = "active_impaired";
}

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>ELBv2's types of a listener's default action the controller uses.</summary>
public static class ListenerActions
{
    /// <summary>To the load balancer's target group.</summary>
    public const string Forward = "forward";

    /// <summary>HTTP to HTTPS (301).</summary>
    public const string Redirect = "redirect";
}

namespace AwsIntegrations.IngressController.Planning;

/// <summary>What a load balancer's web ACL association needs.</summary>
public enum WebAclAction
{
    None,
    Associate,
    Disassociate,
}

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>A web ACL AWS refused to associate with a load balancer, and why (AWS's error code and message).</summary>
public sealed record WebAclRejection(string Acl, string Reason);

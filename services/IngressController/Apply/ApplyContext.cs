namespace AwsIntegrations.IngressController.Apply;

/// <summary>What the applier needs beyond the plan: the VPC of the target groups, the router port, and the target type.</summary>
public sealed record ApplyContext(string? VpcId, int RouterPort, string TargetType);

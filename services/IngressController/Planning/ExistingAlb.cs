namespace AwsIntegrations.IngressController.Planning;

/// <summary>One of our load balancers that exists: its name, and the group and slot the name says.</summary>
public sealed record ExistingAlb(string Name, string GroupHash, int Slot);

namespace AwsIntegrations.DnsController.Inventory;

/// <summary>A hosted zone: bare id (Z123), name without the trailing dot, public or private.</summary>
public sealed record Zone(string Id, string Name, bool Private);

using AwsIntegrations.DnsController.Inventory;

namespace AwsIntegrations.DnsController.Apply;

/// <summary>What reached Route 53 for one zone in a pass.</summary>
public sealed record ZoneOutcome(Zone Zone, ApplyOutcome Outcome);

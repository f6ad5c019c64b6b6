using AwsIntegrations.DnsController.Inventory;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>One zone and the plan for it.</summary>
public sealed record ZoneChanges(Zone Zone, ZonePlan Plan);

using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Registry;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>Whose records are ours, what --policy allows, how TXT names are made, and which names are in scope at all.</summary>
public sealed record PlanSettings(string OwnerId, Policy Policy, TxtNameMapper Mapper)
{
    public ZoneFilter Scope { get; init; } = ZoneFilter.Everything;
}

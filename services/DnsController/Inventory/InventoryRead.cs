namespace AwsIntegrations.DnsController.Inventory;

/// <summary>What a pass read from Route 53: nothing (the cached view was current), some zones again, or every zone.</summary>
public enum InventoryRead
{
    None,
    Stale,
    Full,
}

namespace AwsIntegrations.DnsController.Options;

/// <summary>Which changes may reach Route 53 (external-dns' --policy).</summary>
public enum Policy
{
    /// <summary>Creates, updates and deletes.</summary>
    Sync,

    /// <summary>Creates and updates; nothing is deleted.</summary>
    UpsertOnly,

    /// <summary>Creates only.</summary>
    CreateOnly,
}

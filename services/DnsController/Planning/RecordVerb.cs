namespace AwsIntegrations.DnsController.Planning;

/// <summary>What happened to a record.</summary>
public enum RecordVerb
{
    Created,
    Updated,
    Deleted,
    Migrated,
}

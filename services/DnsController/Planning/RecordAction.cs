namespace AwsIntegrations.DnsController.Planning;

/// <summary>What a change group does to one record, for Events and metrics: created, updated, deleted or migrated.</summary>
public sealed record RecordAction(RecordVerb What, string Type, string Name)
{
    /// <summary>As the Event message says it: "created", "updated", "deleted", "migrated".</summary>
    public string Verb => What switch
    {
        RecordVerb.Created => "created",
        RecordVerb.Updated => "updated",
        RecordVerb.Deleted => "deleted",
        _ => "migrated",
    };

    /// <summary>The Normal Event's reason: RecordCreated, RecordUpdated, RecordDeleted, RecordMigrated.</summary>
    public string EventReason => "Record" + What;
}

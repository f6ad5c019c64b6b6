namespace AwsIntegrations.DnsController.Planning;

/// <summary>Route 53's change actions (ChangeResourceRecordSets' Action).</summary>
public static class ChangeAction
{
    public const string Create = "CREATE";
    public const string Upsert = "UPSERT";
    public const string Delete = "DELETE";
}

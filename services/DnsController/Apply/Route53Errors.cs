namespace AwsIntegrations.DnsController.Apply;

/// <summary>
/// The Route 53 error codes the controller tells apart (botocore route53 service-2.json), and what each means for a pass.
/// Decisions are made on the code alone, never on the message, which is only shown to the user.
/// </summary>
public static class Route53Errors
{
    /// <summary>Route 53 checked the batch's changes against the zone and refused at least one: nothing in the batch happened.</summary>
    public const string InvalidChangeBatch = "InvalidChangeBatch";

    /// <summary>The request itself was malformed (a value Route 53's schema does not allow).</summary>
    public const string InvalidInput = "InvalidInput";

    /// <summary>The zone does not exist (deleted since it was listed).</summary>
    public const string NoSuchHostedZone = "NoSuchHostedZone";

    /// <summary>The IAM policy does not allow the call on this zone.</summary>
    public const string AccessDenied = "AccessDenied";

    /// <summary>The account's request rate was exceeded; retried by the AWS layer.</summary>
    public const string Throttling = "Throttling";

    /// <summary>The zone's previous change is still being applied; retried by the AWS layer.</summary>
    public const string PriorRequestNotComplete = "PriorRequestNotComplete";

    /// <summary>A refusal of the batch's content: the batch is cut in halves until each refused group stands alone.</summary>
    public static bool RefusesBatch(string code) => code is InvalidChangeBatch or InvalidInput;

    /// <summary>
    /// Route 53 refuses this zone alone (a policy that does not cover it, a zone deleted since it was listed): its names wait
    /// while the other zones are read and written. Throttling, 5xx and network errors are not: they fail the pass and are retried.
    /// </summary>
    public static bool RefusesZone(string code) => code is AccessDenied or NoSuchHostedZone;

    /// <summary>
    /// A refusal that can mean the controller's view of the zone is out of date (a record created or deleted behind its back
    /// makes a CREATE "already exist" or a DELETE "not found"): the zone is read again at the next --interval.
    /// </summary>
    public static bool MayContradictView(string code) => code is InvalidChangeBatch;
}

using AwsIntegrations.DnsController.Planning;

namespace AwsIntegrations.DnsController.Apply;

/// <summary>
/// What reached Route 53 for one zone: groups applied, groups refused (InvalidChangeBatch, with Route 53's reason), groups
/// not tried because a call failed for another reason (throttling that outlasted the retries, an outage), and the calls made.
/// </summary>
public sealed class ApplyOutcome
{
    public List<ChangeGroup> Applied { get; } = [];

    public List<Refusal> Refused { get; } = [];

    public List<ChangeGroup> NotTried { get; } = [];

    public string? Error { get; set; }

    public int Calls { get; set; }
}

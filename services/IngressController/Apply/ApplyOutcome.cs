namespace AwsIntegrations.IngressController.Apply;

/// <summary>
/// What AWS refused while a plan was applied: per load balancer the change after which its other changes were skipped,
/// the certificates refused (ARN → why; a batch with a refused certificate still adds the others), and a WAFv2 failure.
/// </summary>
public sealed class ApplyOutcome
{
    public Dictionary<string, Refusal> Refused { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> RefusedCertificates { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the web ACL changes stopped (a WAFv2 failure other than a refusal); null when they all went through.</summary>
    public string? WebAclFailure { get; set; }
}

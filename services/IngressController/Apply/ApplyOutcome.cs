namespace AwsIntegrations.IngressController.Apply;

/// <summary>
/// What AWS refused while a plan was applied: per load balancer the change after which its other changes were skipped,
/// and the certificates refused (ARN → why; a batch with a refused certificate still adds the others).
/// </summary>
public sealed class ApplyOutcome
{
    public Dictionary<string, Refusal> Refused { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> RefusedCertificates { get; } = new(StringComparer.Ordinal);
}

namespace AwsIntegrations.Emulators.Aws;

/// <summary>A regional WAFv2 web ACL (only what association needs: name, id, ARN).</summary>
public sealed class WebAcl
{
    public required string Name { get; init; }
    public required string Id { get; init; }
    public required string Arn { get; init; }
}

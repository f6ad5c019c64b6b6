namespace AwsIntegrations.Aws;

/// <summary>One set of signing credentials; <see cref="SessionToken"/> is set for temporary ones.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}

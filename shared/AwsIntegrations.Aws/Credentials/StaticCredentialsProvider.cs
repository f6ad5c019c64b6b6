namespace AwsIntegrations.Aws;

/// <summary>Fixed credentials (tests, emulators, explicitly configured keys).</summary>
public sealed class StaticCredentialsProvider(AwsCredentials credentials) : IAwsCredentialsProvider
{
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}

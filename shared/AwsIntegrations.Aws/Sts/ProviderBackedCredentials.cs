using Amazon.Runtime;

namespace AwsIntegrations.Aws;

/// <summary>Lets the AWS SDK's clients sign with whatever our <see cref="IAwsCredentialsProvider"/> gives.</summary>
internal sealed class ProviderBackedCredentials(IAwsCredentialsProvider provider) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var c = await provider.GetCredentialsAsync(CancellationToken.None).ConfigureAwait(false);
        return new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }
}

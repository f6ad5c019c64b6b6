namespace AwsIntegrations.Aws;

/// <summary>Gives the credentials to sign the next request with (providers cache and refresh them).</summary>
public interface IAwsCredentialsProvider
{
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}

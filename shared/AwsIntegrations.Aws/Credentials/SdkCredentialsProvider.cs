using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace AwsIntegrations.Aws;

/// <summary>
/// Credentials from AWSSDK.Core: by default its chain (environment, shared profile, web identity / IRSA,
/// container, instance metadata), which caches and refreshes temporary credentials itself.
/// </summary>
public sealed class SdkCredentialsProvider : IAwsCredentialsProvider
{
    private readonly AWSCredentials? _credentials;

    /// <param name="credentials">Credentials from the SDK (e.g. AssumeRoleAWSCredentials); null for the default chain.</param>
    public SdkCredentialsProvider(AWSCredentials? credentials = null) => _credentials = credentials;

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var source = _credentials ?? await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
        var immutable = await source.GetCredentialsAsync().ConfigureAwait(false);
        return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, string.IsNullOrEmpty(immutable.Token) ? null : immutable.Token);
    }
}

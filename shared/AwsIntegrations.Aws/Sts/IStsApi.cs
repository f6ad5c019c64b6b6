namespace AwsIntegrations.Aws;

/// <summary>The STS operations the suite uses.</summary>
public interface IStsApi
{
    Task<AssumedRole> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken);

    /// <summary>Who the configured credentials are (account, ARN); a cheap startup check.</summary>
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken);
}

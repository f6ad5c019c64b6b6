namespace AwsIntegrations.Aws;

/// <summary>The instance metadata the suite reads (IMDSv2 with a session token, IMDSv1 when tokens are unavailable).</summary>
public interface IInstanceMetadataApi
{
    Task<string> GetInstanceIdAsync(CancellationToken cancellationToken);

    Task<string> GetRegionAsync(CancellationToken cancellationToken);

    Task<string> GetAvailabilityZoneAsync(CancellationToken cancellationToken);

    Task<InstanceIamInfo> GetIamInfoAsync(CancellationToken cancellationToken);

    /// <summary>The name of the node role (first line of meta-data/iam/security-credentials/).</summary>
    Task<string> GetRoleNameAsync(CancellationToken cancellationToken);

    Task<InstanceRoleCredentials> GetRoleCredentialsAsync(string roleName, CancellationToken cancellationToken);

    /// <summary>Any path under /latest/ (e.g. "meta-data/local-ipv4", "user-data"); null when it does not exist (404).</summary>
    Task<string?> GetAsync(string path, CancellationToken cancellationToken);
}

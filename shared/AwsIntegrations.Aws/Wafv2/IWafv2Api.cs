namespace AwsIntegrations.Aws;

/// <summary>The WAFv2 operations the suite uses: associating a regional web ACL with an Application Load Balancer.</summary>
public interface IWafv2Api
{
    /// <summary>Associates the web ACL with the resource (replacing the one it had, if any).</summary>
    Task AssociateWebAclAsync(string webAclArn, string resourceArn, CancellationToken cancellationToken = default);

    Task DisassociateWebAclAsync(string resourceArn, CancellationToken cancellationToken = default);

    /// <summary>The web ACL associated with the resource; null when it has none.</summary>
    Task<WebAclSummary?> GetWebAclForResourceAsync(string resourceArn, CancellationToken cancellationToken = default);
}

namespace AwsIntegrations.Aws;

/// <summary>Our WAFv2 client (JSON 1.1, target prefix AWSWAF_20190729, signing name wafv2), regional scope.</summary>
internal sealed class Wafv2Client(AwsTransport transport) : IWafv2Api
{
    public Task AssociateWebAclAsync(string webAclArn, string resourceArn, CancellationToken cancellationToken = default) =>
        CallAsync<AssociateWebAclBody, EmptyAnswer>("AssociateWebACL", new AssociateWebAclBody { WebAclArn = webAclArn, ResourceArn = resourceArn }, cancellationToken);

    public Task DisassociateWebAclAsync(string resourceArn, CancellationToken cancellationToken = default) =>
        CallAsync<ResourceArnBody, EmptyAnswer>("DisassociateWebACL", new ResourceArnBody { ResourceArn = resourceArn }, cancellationToken);

    public async Task<WebAclSummary?> GetWebAclForResourceAsync(string resourceArn, CancellationToken cancellationToken = default) =>
        (await CallAsync<ResourceArnBody, GetWebAclForResourceAnswer>("GetWebACLForResource", new ResourceArnBody { ResourceArn = resourceArn }, cancellationToken).ConfigureAwait(false)).WebAcl;

    private Task<TAnswer> CallAsync<TBody, TAnswer>(string operation, TBody body, CancellationToken cancellationToken) =>
        JsonRpc.CallAsync<TBody, TAnswer>(transport, AwsService.Wafv2, "AWSWAF_20190729", operation, body, cancellationToken);
}

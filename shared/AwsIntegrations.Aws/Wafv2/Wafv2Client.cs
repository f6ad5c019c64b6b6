using System.Text.Json;

namespace AwsIntegrations.Aws;

/// <summary>Our WAFv2 client (JSON 1.1, target prefix AWSWAF_20190729, signing name wafv2), regional scope.</summary>
public sealed class Wafv2Client(AwsTransport transport) : IWafv2Api
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public Task AssociateWebAclAsync(string webAclArn, string resourceArn, CancellationToken cancellationToken = default) =>
        CallAsync<AssociateWebAclBody, EmptyAnswer>("AssociateWebACL", new AssociateWebAclBody { WebAclArn = webAclArn, ResourceArn = resourceArn }, cancellationToken);

    public Task DisassociateWebAclAsync(string resourceArn, CancellationToken cancellationToken = default) =>
        CallAsync<ResourceArnBody, EmptyAnswer>("DisassociateWebACL", new ResourceArnBody { ResourceArn = resourceArn }, cancellationToken);

    public async Task<WebAclSummary?> GetWebAclForResourceAsync(string resourceArn, CancellationToken cancellationToken = default) =>
        (await CallAsync<ResourceArnBody, GetWebAclForResourceAnswer>("GetWebACLForResource", new ResourceArnBody { ResourceArn = resourceArn }, cancellationToken).ConfigureAwait(false)).WebAcl;

    private async Task<TAnswer> CallAsync<TBody, TAnswer>(string operation, TBody body, CancellationToken cancellationToken)
    {
        var request = AwsRequest.Post("/", JsonSerializer.SerializeToUtf8Bytes(body, Json), "application/x-amz-json-1.1") with
        {
            Headers = new Dictionary<string, string> { ["X-Amz-Target"] = "AWSWAF_20190729." + operation },
        };
        var response = await transport.SendAsync(AwsService.Wafv2, operation, AwsProtocol.Json, request, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<TAnswer>(response.Body, Json) ?? throw new AwsProtocolException($"{operation}: empty answer");
        }
        catch (JsonException e)
        {
            throw new AwsProtocolException($"{operation}: the answer is not the expected JSON: {e.Message}", e);
        }
    }
}

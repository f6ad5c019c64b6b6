using System.Text.Json;

namespace AwsIntegrations.Aws;

/// <summary>One AWS JSON 1.1 call (ACM, WAFv2): POST / with X-Amz-Target &lt;prefix&gt;.&lt;operation&gt;, the answer read as <typeparamref name="TAnswer"/>.</summary>
internal static class JsonRpc
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static async Task<TAnswer> CallAsync<TBody, TAnswer>(AwsTransport transport, AwsService service, string targetPrefix, string operation, TBody body, CancellationToken cancellationToken)
    {
        var request = AwsRequest.Post("/", JsonSerializer.SerializeToUtf8Bytes(body, Json), "application/x-amz-json-1.1") with
        {
            Headers = new Dictionary<string, string> { ["X-Amz-Target"] = targetPrefix + "." + operation },
        };
        var response = await transport.SendAsync(service, operation, AwsProtocol.Json, request, cancellationToken).ConfigureAwait(false);
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

namespace AwsIntegrations.Aws;

/// <summary>One request before signing: path and query already percent-encoded as they go on the wire.</summary>
internal sealed record AwsRequest(HttpMethod Method, string Path, string Query, byte[] Body, string? ContentType)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static AwsRequest Post(string path, byte[] body, string contentType) => new(HttpMethod.Post, path, string.Empty, body, contentType);

    public static AwsRequest Get(string path, string query = "") => new(HttpMethod.Get, path, query, [], null);
}

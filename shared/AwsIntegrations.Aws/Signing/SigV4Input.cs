namespace AwsIntegrations.Aws;

/// <summary>
/// What SigV4 signs: the method, the path and query exactly as sent (percent-encoded), the headers to sign
/// (host and x-amz-date among them) and the hex SHA-256 of the body.
/// </summary>
internal sealed record SigV4Input(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash);

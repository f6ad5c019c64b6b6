namespace AwsIntegrations.Router.Tests.Support;

/// <summary>One HTTP/1.1 response as read off a socket: status, header fields (names in any case) and the decoded body.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>The response as the suite's client saw it (test/http CapturedResponse): status, protocol and header fields.</summary>
public sealed record CapturedResponse(int StatusCode, string Proto, IReadOnlyDictionary<string, string[]> Headers);

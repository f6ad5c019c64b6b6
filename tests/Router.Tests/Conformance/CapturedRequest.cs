using System.Text.Json.Serialization;

namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>What the echo server answered: the request as it reached the pod, and which pod (the suite's test/http CapturedRequest).</summary>
public sealed class CapturedRequest
{
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";

    [JsonPropertyName("host")]
    public string Host { get; set; } = "";

    [JsonPropertyName("method")]
    public string Method { get; set; } = "";

    [JsonPropertyName("proto")]
    public string Proto { get; set; } = "";

    [JsonPropertyName("headers")]
    public Dictionary<string, string[]> Headers { get; set; } = [];

    [JsonPropertyName("namespace")]
    public string Namespace { get; set; } = "";

    [JsonPropertyName("ingress")]
    public string Ingress { get; set; } = "";

    [JsonPropertyName("service")]
    public string Service { get; set; } = "";

    [JsonPropertyName("pod")]
    public string Pod { get; set; } = "";
}

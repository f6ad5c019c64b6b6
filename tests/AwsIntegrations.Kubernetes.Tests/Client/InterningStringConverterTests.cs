using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

public sealed class InterningStringConverterTests
{
    [Fact]
    public void Deserialize_WithTheConnectionsOptions_EqualShortStringsAreOneInstance_AndValuesAreExact()
    {
        // The serializer options every connection gives KubernetesClient: its own, with our interning converter first.
        using var connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        const string json = """{"metadata":{"name":"NAME","labels":{"app":"web","note":"caf\u00e9 \"quoted\""}},"status":{"phase":"Running"}}""";

        var first = KubernetesJson.Deserialize<V1Pod>(json.Replace("NAME", "a", StringComparison.Ordinal), connection.Json);
        var second = KubernetesJson.Deserialize<V1Pod>(json.Replace("NAME", "b", StringComparison.Ordinal), connection.Json);
        var longValue = new string('x', 300);
        var third = KubernetesJson.Deserialize<V1Pod>("{\"metadata\":{\"name\":\"" + longValue + "\"}}", connection.Json);

        ReferenceEquals(first.Status!.Phase, second.Status!.Phase).Should().BeTrue();
        ReferenceEquals(first.Metadata.Labels!.Keys.First(), second.Metadata.Labels!.Keys.First()).Should().BeTrue();
        ReferenceEquals(first.Metadata.Labels["app"], second.Metadata.Labels["app"]).Should().BeTrue();
        first.Metadata.Labels["note"].Should().Be("café \"quoted\"");
        (first.Metadata.Name, second.Metadata.Name).Should().Be(("a", "b"));
        third.Metadata.Name.Should().Be(longValue);
    }
}

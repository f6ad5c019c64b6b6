using System.Text.Json;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.Kubernetes.Serialization;

namespace AwsIntegrations.Kubernetes.Tests.Client;

public sealed class InterningStringConverterTests
{
    [Fact]
    public void Deserialize_EqualShortStrings_AreOneInstance_AndValuesAreExact()
    {
        const string json = """{"metadata":{"name":"NAME","labels":{"app":"web","note":"caf\u00e9 \"quoted\""}},"status":{"phase":"Running"}}""";

        var first = JsonSerializer.Deserialize(json.Replace("NAME", "a", StringComparison.Ordinal), KubernetesJsonContext.Default.Pod)!;
        var second = JsonSerializer.Deserialize(json.Replace("NAME", "b", StringComparison.Ordinal), KubernetesJsonContext.Default.Pod)!;
        var longValue = new string('x', 300);
        var third = JsonSerializer.Deserialize("{\"metadata\":{\"name\":\"" + longValue + "\"}}", KubernetesJsonContext.Default.Pod)!;

        ReferenceEquals(first.Status!.Phase, second.Status!.Phase).Should().BeTrue();
        ReferenceEquals(first.Metadata.Labels!.Keys.First(), second.Metadata.Labels!.Keys.First()).Should().BeTrue();
        ReferenceEquals(first.Metadata.Labels["app"], second.Metadata.Labels["app"]).Should().BeTrue();
        first.Metadata.Labels["note"].Should().Be("café \"quoted\"");
        (first.Metadata.Name, second.Metadata.Name).Should().Be(("a", "b"));
        third.Metadata.Name.Should().Be(longValue);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.Kubernetes.Serialization;
using Router.Routing;

namespace Router.Tests.Support;

/// <summary>Reads Ingress, Service and EndpointSlice documents with the same serializer the client uses.</summary>
public static class ClusterStateYaml
{
    public static ClusterState Parse(string yaml)
    {
        var ingresses = new List<Ingress>();
        var services = new List<Service>();
        var slices = new List<EndpointSlice>();
        foreach (var document in YamlDocuments.Parse(yaml))
        {
            var json = document.ToJsonString();
            switch (document["kind"]?.GetValue<string>())
            {
                case "Ingress":
                    ingresses.Add(JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Ingress)!);
                    break;
                case "Service":
                    services.Add(JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Service)!);
                    break;
                case "EndpointSlice":
                    slices.Add(JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.EndpointSlice)!);
                    break;
                default:
                    throw new InvalidDataException("unexpected document: " + document.ToJsonString());
            }
        }

        return new ClusterState(ingresses, services, slices);
    }

    public static IEnumerable<JsonObject> Documents(string yaml) => YamlDocuments.Parse(yaml);
}

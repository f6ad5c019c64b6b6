using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using AwsIntegrations.Kubernetes.Serialization;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Tests.Support;

/// <summary>Reads Ingress, IngressClass, Service and EndpointSlice documents with the same serializer the client uses.</summary>
public static class ClusterStateYaml
{
    public static ClusterState Parse(string yaml)
    {
        var ingresses = new List<V1Ingress>();
        var services = new List<V1Service>();
        var slices = new List<V1EndpointSlice>();
        var classes = new List<V1IngressClass>();
        foreach (var document in YamlDocuments.Parse(yaml))
        {
            var json = document.ToJsonString();
            switch (document["kind"]?.GetValue<string>())
            {
                case "Ingress":
                    ingresses.Add(KubernetesJson.Deserialize<V1Ingress>(json));
                    break;
                case "Service":
                    services.Add(KubernetesJson.Deserialize<V1Service>(json));
                    break;
                case "EndpointSlice":
                    slices.Add(KubernetesJson.Deserialize<V1EndpointSlice>(json));
                    break;
                case "IngressClass":
                    classes.Add(KubernetesJson.Deserialize<V1IngressClass>(json));
                    break;
                default:
                    throw new InvalidDataException("unexpected document: " + document.ToJsonString());
            }
        }

        return new ClusterState(ingresses, services, slices, classes);
    }

    public static IEnumerable<JsonObject> Documents(string yaml) => YamlDocuments.Parse(yaml);
}

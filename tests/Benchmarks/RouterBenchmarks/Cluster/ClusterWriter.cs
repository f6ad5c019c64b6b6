using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AwsIntegrations.Emulators.Kubernetes;
using k8s;
using k8s.Models;
using AwsIntegrations.Kubernetes.Serialization;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Benchmarks.Router.Cluster;

/// <summary>Writes objects into the Kubernetes emulator the way the cluster's users and controllers would.</summary>
public static class ClusterWriter
{
    /// <summary>Namespaces first, then Services and EndpointSlices, then the Ingresses (so each Ingress routes as soon as it is seen).</summary>
    public static void Write(KubernetesEmulator kube, ClusterState state)
    {
        foreach (var ns in state.Ingresses.Select(i => i.Metadata.NamespaceProperty!).Distinct().Where(ns => kube.Get("Namespace", null, ns) is null))
        {
            kube.Create("Namespace", null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }

        foreach (var service in state.Services)
        {
            kube.Create("Service", service.Metadata.NamespaceProperty, Node(service));
        }

        foreach (var slice in state.EndpointSlices)
        {
            Put(kube, slice);
        }

        foreach (var ingress in state.Ingresses)
        {
            Create(kube, ingress);
        }
    }

    public static void Create(KubernetesEmulator kube, V1Ingress ingress) =>
        kube.Create("Ingress", ingress.Metadata.NamespaceProperty, Node(ingress));

    /// <summary>Creates the EndpointSlice or replaces its ports and endpoints, as the EndpointSlice controller does.</summary>
    public static void Put(KubernetesEmulator kube, V1EndpointSlice slice)
    {
        var body = Node(slice);
        var definition = kube.Store.Definition("EndpointSlice");
        if (kube.Store.Get(definition, slice.Metadata.NamespaceProperty, slice.Metadata.Name!) is null)
        {
            kube.Create("EndpointSlice", slice.Metadata.NamespaceProperty, body);
            return;
        }

        kube.Store.Update(definition, slice.Metadata.NamespaceProperty, slice.Metadata.Name!, existing =>
        {
            existing["ports"] = body["ports"]!.DeepClone();
            existing["endpoints"] = body["endpoints"]!.DeepClone();
            return existing;
        }, status: false);
    }

    // The API server sets creationTimestamp itself: objects written later are younger.
    private static JsonObject Node<T>(T value) => JsonNode.Parse(KubernetesJson.Serialize(value!))!.AsObject();
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.Kubernetes.Serialization;
using Router.Routing;

namespace Router.Benchmarks.Cluster;

/// <summary>Writes objects into the Kubernetes emulator the way the cluster's users and controllers would.</summary>
public static class ClusterWriter
{
    /// <summary>Namespaces first, then Services and EndpointSlices, then the Ingresses (so each Ingress routes as soon as it is seen).</summary>
    public static void Write(KubernetesEmulator kube, ClusterState state)
    {
        foreach (var ns in state.Ingresses.Select(i => i.Metadata.Namespace!).Distinct().Where(ns => kube.Get("Namespace", null, ns) is null))
        {
            kube.Create("Namespace", null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }

        foreach (var service in state.Services)
        {
            kube.Create("Service", service.Metadata.Namespace, Node(service, KubernetesJsonContext.Default.Service));
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

    public static void Create(KubernetesEmulator kube, Ingress ingress) =>
        kube.Create("Ingress", ingress.Metadata.Namespace, Node(ingress, KubernetesJsonContext.Default.Ingress));

    /// <summary>Creates the EndpointSlice or replaces its ports and endpoints, as the EndpointSlice controller does.</summary>
    public static void Put(KubernetesEmulator kube, EndpointSlice slice)
    {
        var body = Node(slice, KubernetesJsonContext.Default.EndpointSlice);
        var definition = kube.Store.Definition("EndpointSlice");
        if (kube.Store.Get(definition, slice.Metadata.Namespace, slice.Metadata.Name!) is null)
        {
            kube.Create("EndpointSlice", slice.Metadata.Namespace, body);
            return;
        }

        kube.Store.Update(definition, slice.Metadata.Namespace, slice.Metadata.Name!, existing =>
        {
            existing["ports"] = body["ports"]!.DeepClone();
            existing["endpoints"] = body["endpoints"]!.DeepClone();
            return existing;
        }, status: false);
    }

    // The API server sets creationTimestamp itself: objects written later are younger.
    private static JsonObject Node<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToNode(value, type)!.AsObject();
}

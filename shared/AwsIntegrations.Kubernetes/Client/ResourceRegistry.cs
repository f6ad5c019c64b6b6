using System.Collections.Concurrent;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.Kubernetes.Serialization;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>Kinds the client knows: a new kind is one <see cref="Register{T}"/> call.</summary>
public sealed class ResourceRegistry
{
    private readonly ConcurrentDictionary<Type, ResourceType> _types = new();

    public static ResourceRegistry Default { get; } = CreateDefault();

    public ResourceRegistry Register<T>(ResourceType<T> type)
        where T : IKubernetesObject
    {
        _types[typeof(T)] = type;
        return this;
    }

    public ResourceType<T> Get<T>()
        where T : IKubernetesObject =>
        _types.TryGetValue(typeof(T), out var type)
            ? (ResourceType<T>)type
            : throw new InvalidOperationException($"{typeof(T).Name} is not a registered Kubernetes kind; call ResourceRegistry.Register first");

    /// <summary>The registration of an object's CLR type, or null.</summary>
    public ResourceType? Find(Type type) => _types.GetValueOrDefault(type);

    private static ResourceRegistry CreateDefault()
    {
        var json = KubernetesJsonContext.Default;
        return new ResourceRegistry()
            .Register(new ResourceType<Namespace>("", "v1", "namespaces", "Namespace", false, json.Namespace, json.KubernetesListNamespace))
            .Register(new ResourceType<Pod>("", "v1", "pods", "Pod", true, json.Pod, json.KubernetesListPod) { Indexes = PodIndexes.All })
            .Register(new ResourceType<Node>("", "v1", "nodes", "Node", false, json.Node, json.KubernetesListNode))
            .Register(new ResourceType<Service>("", "v1", "services", "Service", true, json.Service, json.KubernetesListService))
            .Register(new ResourceType<Secret>("", "v1", "secrets", "Secret", true, json.Secret, json.KubernetesListSecret))
            .Register(new ResourceType<Event>("", "v1", "events", "Event", true, json.Event, json.KubernetesListEvent))
            .Register(new ResourceType<EndpointSlice>("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, json.EndpointSlice, json.KubernetesListEndpointSlice))
            .Register(new ResourceType<Ingress>("networking.k8s.io", "v1", "ingresses", "Ingress", true, json.Ingress, json.KubernetesListIngress))
            .Register(new ResourceType<IngressClass>("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, json.IngressClass, json.KubernetesListIngressClass))
            .Register(new ResourceType<Job>("batch", "v1", "jobs", "Job", true, json.Job, json.KubernetesListJob))
            .Register(new ResourceType<CronJob>("batch", "v1", "cronjobs", "CronJob", true, json.CronJob, json.KubernetesListCronJob))
            .Register(new ResourceType<Lease>("coordination.k8s.io", "v1", "leases", "Lease", true, json.Lease, json.KubernetesListLease))
            .Register(new ResourceType<DaemonSet>("apps", "v1", "daemonsets", "DaemonSet", true, json.DaemonSet, json.KubernetesListDaemonSet));
    }
}

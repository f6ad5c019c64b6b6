using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Serialization;

/// <summary>Source-generated (de)serialization of every model, with the API's conventions (camelCase, nulls left out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(TimeConverter), typeof(InterningStringConverter)])]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(KubernetesList<Namespace>))]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(KubernetesList<Pod>))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(KubernetesList<Node>))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(KubernetesList<Service>))]
[JsonSerializable(typeof(EndpointSlice))]
[JsonSerializable(typeof(KubernetesList<EndpointSlice>))]
[JsonSerializable(typeof(Ingress))]
[JsonSerializable(typeof(KubernetesList<Ingress>))]
[JsonSerializable(typeof(IngressClass))]
[JsonSerializable(typeof(KubernetesList<IngressClass>))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(KubernetesList<Job>))]
[JsonSerializable(typeof(CronJob))]
[JsonSerializable(typeof(KubernetesList<CronJob>))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(KubernetesList<Lease>))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(KubernetesList<Event>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(KubernetesList<Secret>))]
[JsonSerializable(typeof(DaemonSet))]
[JsonSerializable(typeof(KubernetesList<DaemonSet>))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(ExecCredential))]
public sealed partial class KubernetesJsonContext : JsonSerializerContext;

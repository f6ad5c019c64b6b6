using k8s;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Tests;

/// <summary>Builders for the nodes, DaemonSets and pods the stories are told with.</summary>
internal static class Objects
{
    public const string StartupTaint = "aws-integrations.io/not-ready";

    public static V1Node Node(string name, Dictionary<string, string>? labels = null, params V1Taint[] taints) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels ?? new Dictionary<string, string> { ["kubernetes.io/hostname"] = name } },
        Spec = new V1NodeSpec { Taints = [.. taints] },
    };

    public static V1Node GatedNode(string name, Dictionary<string, string>? labels = null, params V1Taint[] more) =>
        Node(name, labels, [Taint(StartupTaint), .. more]);

    public static V1Taint Taint(string key, string effect = "NoSchedule", string? value = null) => new() { Key = key, Effect = effect, Value = value };

    public static V1DaemonSet DaemonSet(string name, string ns = "kube-system", Dictionary<string, string>? labels = null, Action<V1PodSpec>? template = null)
    {
        var spec = new V1PodSpec { Containers = [new V1Container { Name = name, Image = $"example/{name}:1" }] };
        template?.Invoke(spec);
        return new V1DaemonSet
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = $"uid-{ns}-{name}", Labels = labels ?? new Dictionary<string, string> { ["node-gate"] = "required" } },
            Spec = new V1DaemonSetSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string>() { ["app"] = name } },
                Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>() { ["app"] = name } }, Spec = spec },
            },
        };
    }

    public static V1Pod DaemonPod(V1DaemonSet owner, string node, bool ready) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"{owner.Metadata.Name}-{node}",
            NamespaceProperty = owner.Metadata.NamespaceProperty,
            Labels = owner.Spec!.Template!.Metadata!.Labels,
            OwnerReferences = [new V1OwnerReference { ApiVersion = "apps/v1", Kind = "DaemonSet", Name = owner.Metadata.Name!, Uid = owner.Metadata.Uid!, Controller = true }],
        },
        Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = "main", Image = "example" }] },
        Status = new V1PodStatus { Phase = "Running", Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
    };

    public static V1NodeSelectorRequirement Req(string key, string op, params string[] values) => new() { Key = key, OperatorProperty = op, Values = [.. values] };

    public static V1Affinity RequiredAffinity(params V1NodeSelectorTerm[] terms) => new()
    {
        NodeAffinity = new V1NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector { NodeSelectorTerms = [.. terms] } },
    };
}

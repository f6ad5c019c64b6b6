using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.NodeGate.Tests;

/// <summary>Builders for the nodes, DaemonSets and pods the stories are told with.</summary>
internal static class Objects
{
    public const string StartupTaint = "aws-integrations.io/not-ready";

    public static Node Node(string name, Dictionary<string, string>? labels = null, params Taint[] taints) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = labels ?? new() { ["kubernetes.io/hostname"] = name } },
        Spec = new NodeSpec { Taints = [.. taints] },
    };

    public static Node GatedNode(string name, Dictionary<string, string>? labels = null, params Taint[] more) =>
        Node(name, labels, [Taint(StartupTaint), .. more]);

    public static Taint Taint(string key, string effect = "NoSchedule", string? value = null) => new() { Key = key, Effect = effect, Value = value };

    public static DaemonSet DaemonSet(string name, string ns = "kube-system", Dictionary<string, string>? labels = null, Action<PodSpec>? template = null)
    {
        var spec = new PodSpec { Containers = [new Container { Name = name, Image = $"example/{name}:1" }] };
        template?.Invoke(spec);
        return new DaemonSet
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Uid = $"uid-{ns}-{name}", Labels = labels ?? new() { ["node-gate"] = "required" } },
            Spec = new DaemonSetSpec
            {
                Selector = new LabelSelectorSpec { MatchLabels = new() { ["app"] = name } },
                Template = new PodTemplateSpec { Metadata = new ObjectMeta { Labels = new() { ["app"] = name } }, Spec = spec },
            },
        };
    }

    public static Pod DaemonPod(DaemonSet owner, string node, bool ready) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = $"{owner.Metadata.Name}-{node}",
            Namespace = owner.Metadata.Namespace,
            Labels = owner.Spec!.Template!.Metadata!.Labels,
            OwnerReferences = [new OwnerReference { ApiVersion = "apps/v1", Kind = "DaemonSet", Name = owner.Metadata.Name!, Uid = owner.Metadata.Uid!, Controller = true }],
        },
        Spec = new PodSpec { NodeName = node, Containers = [new Container { Name = "main", Image = "example" }] },
        Status = new PodStatus { Phase = "Running", Conditions = [new Condition { Type = "Ready", Status = ready ? "True" : "False" }] },
    };

    public static NodeSelectorRequirement Req(string key, string op, params string[] values) => new() { Key = key, Operator = op, Values = [.. values] };

    public static Affinity RequiredAffinity(params NodeSelectorTerm[] terms) => new()
    {
        NodeAffinity = new NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = [.. terms] } },
    };
}

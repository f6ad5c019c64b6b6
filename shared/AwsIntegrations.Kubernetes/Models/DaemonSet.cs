namespace AwsIntegrations.Kubernetes.Models;

public sealed class DaemonSet : KubernetesObject
{
    public DaemonSetSpec? Spec { get; set; }

    public DaemonSetStatus? Status { get; set; }
}

public sealed class DaemonSetSpec : Extensible
{
    public LabelSelectorSpec? Selector { get; set; }

    public PodTemplateSpec? Template { get; set; }
}

public sealed class DaemonSetStatus : Extensible
{
    public int? DesiredNumberScheduled { get; set; }

    public int? CurrentNumberScheduled { get; set; }

    public int? NumberReady { get; set; }

    public int? NumberAvailable { get; set; }
}

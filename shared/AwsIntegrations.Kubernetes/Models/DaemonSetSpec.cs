namespace AwsIntegrations.Kubernetes.Models;

public sealed class DaemonSetSpec : Extensible
{
    public LabelSelectorSpec? Selector { get; set; }

    public PodTemplateSpec? Template { get; set; }
}

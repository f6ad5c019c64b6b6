namespace AwsIntegrations.Kubernetes.Models;

/// <summary>metav1.LabelSelector as written in specs (DaemonSet, Job selectors).</summary>
public sealed class LabelSelectorSpec : Extensible
{
    public Dictionary<string, string>? MatchLabels { get; set; }
}

namespace AwsIntegrations.Kubernetes.Models;

public sealed class DaemonSetStatus : Extensible
{
    public int? DesiredNumberScheduled { get; set; }

    public int? CurrentNumberScheduled { get; set; }

    public int? NumberReady { get; set; }

    public int? NumberAvailable { get; set; }
}

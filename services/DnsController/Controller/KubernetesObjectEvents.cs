using AwsIntegrations.DnsController.Sources;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.DnsController.Controller;

public sealed class KubernetesObjectEvents(EventRecorder recorder) : IObjectEvents
{
    public void Normal(SourceObject about, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(about);
        if (about.Object is { } obj)
        {
            recorder.Normal(obj, reason, message);
        }
    }

    public void Warning(SourceObject about, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(about);
        if (about.Object is { } obj)
        {
            recorder.Warning(obj, reason, message);
        }
    }
}

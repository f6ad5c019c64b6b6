using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.IngressController.Targets;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>The informers the controller reads: Ingresses, IngressClasses, and nodes (instance targets) or router pods (ip targets).</summary>
public sealed class ClusterView
{
    private readonly IngressControllerOptions _options;

    public ClusterView(SharedInformerFactory informers, IngressControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(informers);
        _options = options;
        Ingresses = informers.GetInformer<V1Ingress>();
        Classes = informers.GetInformer<V1IngressClass>();
        if (options.TargetType == TargetType.Instance)
        {
            Nodes = informers.GetInformer<V1Node>(labelSelector: options.TargetNodeSelector);
        }
        else
        {
            Pods = informers.GetInformer<V1Pod>(options.RouterNamespace, options.RouterPodSelector);
        }
    }

    public Informer<V1Ingress> Ingresses { get; }

    public Informer<V1IngressClass> Classes { get; }

    public Informer<V1Node>? Nodes { get; }

    public Informer<V1Pod>? Pods { get; }

    public bool HasSynced => Ingresses.HasSynced && Classes.HasSynced && (Nodes?.HasSynced ?? true) && (Pods?.HasSynced ?? true);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.WhenAll(
        Ingresses.WaitForSyncAsync(cancellationToken),
        Classes.WaitForSyncAsync(cancellationToken),
        Nodes?.WaitForSyncAsync(cancellationToken) ?? Task.CompletedTask,
        Pods?.WaitForSyncAsync(cancellationToken) ?? Task.CompletedTask);

    /// <summary>Every Ingress, and ours (of a served class or an IngressClass of our controller, not being deleted).</summary>
    public IngressSnapshot ReadIngresses()
    {
        var classes = Classes.List();
        var all = Ingresses.List();
        var ours = all.Where(i => i.Metadata.DeletionTimestamp is null && IngressClassFilter.IsOurs(i, _options.ServedClasses, classes))
            .ToDictionary(i => $"{i.Metadata.NamespaceProperty}/{i.Metadata.Name}", StringComparer.Ordinal);
        return new IngressSnapshot(all, ours);
    }

    public IReadOnlySet<string> Targets() => _options.TargetType == TargetType.Instance
        ? TargetSelection.FromNodes(Nodes!.List())
        : TargetSelection.FromPods(Pods!.List());
}

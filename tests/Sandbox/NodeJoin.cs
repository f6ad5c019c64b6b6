namespace AwsIntegrations.Sandbox;

/// <summary>
/// A node joining the cluster: it registers with NodeGate's startup taint (as the kubelet's --register-with-taints does),
/// the Kube2Iam DaemonSet's pod lands on it and turns Ready, and NodeGate releases the node. The emulator has no kubelet and no
/// DaemonSet controller, so the sandbox plays both, with kubectl.
/// </summary>
public static class NodeJoin
{
    public const string RequiredLabel = "node-gate.aws-integrations.io/required";
    public const string NodeName = "sandbox-node-4";
    public const string TaintKey = "aws-integrations.io/not-ready";
    public const string DaemonSetPod = "kube2iam-node4";

    public static async Task ApplyAsync(Kubectl kubectl, CancellationToken cancellationToken)
    {
        await kubectl.ApplyAsync($$"""
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: kube2iam
              namespace: kube-system
              labels: { {{RequiredLabel}}: "true" }
            spec:
              selector: { matchLabels: { app: kube2iam } }
              template:
                metadata: { labels: { app: kube2iam } }
                spec:
                  hostNetwork: true
                  tolerations: [{ key: {{TaintKey}}, operator: Exists, effect: NoSchedule }]
                  containers: [{ name: kube2iam, image: aws-integrations/kube2iam:dev }]
            ---
            apiVersion: v1
            kind: Node
            metadata:
              name: {{NodeName}}
              labels: { kubernetes.io/hostname: {{NodeName}} }
            spec:
              taints: [{ key: {{TaintKey}}, effect: NoSchedule }]
            """, cancellationToken);
        var uid = await kubectl.GetAsync("daemonset", "kube-system", "kube2iam", "{.metadata.uid}", cancellationToken);
        await kubectl.ApplyAsync($$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{DaemonSetPod}}
              namespace: kube-system
              labels: { app: kube2iam }
              ownerReferences: [{ apiVersion: apps/v1, kind: DaemonSet, name: kube2iam, uid: {{uid}}, controller: true }]
            spec:
              nodeName: {{NodeName}}
              hostNetwork: true
              containers: [{ name: kube2iam, image: aws-integrations/kube2iam:dev }]
            """, cancellationToken);
    }

    /// <summary>The DaemonSet's pod turns Ready (what the kubelet would report once the container passed its probe).</summary>
    public static Task MarkPodReadyAsync(Kubectl kubectl, CancellationToken cancellationToken) =>
        kubectl.PatchStatusAsync("pod", "kube-system", DaemonSetPod,
            """{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"},{"type":"ContainersReady","status":"True"}]}}""",
            cancellationToken);
}

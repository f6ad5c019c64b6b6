namespace AwsIntegrations.Sandbox;

/// <summary>The cluster every scenario starts with: the three instances of the AWS account registered as Ready Nodes.</summary>
public static class ClusterSetup
{
    public static readonly string[] NodeNames = ["sandbox-node-1", "sandbox-node-2", "sandbox-node-3"];

    public static async Task ApplyAsync(Kubectl kubectl, CancellationToken cancellationToken)
    {
        for (var i = 0; i < NodeNames.Length; i++)
        {
            await kubectl.ApplyAsync($$"""
                apiVersion: v1
                kind: Node
                metadata:
                  name: {{NodeNames[i]}}
                  labels:
                    kubernetes.io/hostname: {{NodeNames[i]}}
                    topology.kubernetes.io/zone: {{AwsSeedFile.InstanceZones[i]}}
                    node-role.kubernetes.io/worker: ""
                spec:
                  providerID: aws:///{{AwsSeedFile.InstanceZones[i]}}/{{AwsSeedFile.InstanceIds[i]}}
                """, cancellationToken);
            await kubectl.PatchStatusAsync("node", null, NodeNames[i], $$$"""
                {"status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","lastHeartbeatTime":"{{{Now()}}}","lastTransitionTime":"{{{Now()}}}"}],
                 "addresses":[{"type":"InternalIP","address":"10.0.{{{(i == 1 ? 2 : 1)}}}.{{{(i == 2 ? 11 : 10)}}}"},{"type":"Hostname","address":"{{{NodeNames[i]}}}"}]}}
                """, cancellationToken);
        }

        await kubectl.ApplyAsync("""
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata:
              name: aws-integrations
            spec:
              controller: aws-integrations.io/ingress-controller
            """, cancellationToken);
    }

    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static string Ago(TimeSpan age) =>
        (DateTimeOffset.UtcNow - age).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}

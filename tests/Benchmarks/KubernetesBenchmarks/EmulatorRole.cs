using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;

namespace AwsIntegrations.Benchmarks.Kubernetes;

/// <summary>The child process: an emulator seeded with realistic pods, which changes pods on command ("churn N" on stdin).</summary>
internal static class EmulatorRole
{
    public static async Task RunAsync(int pods)
    {
        await using var kube = await KubernetesEmulator.StartAsync(0, new KubernetesEmulatorOptions { HistoryCapacity = 1_000_000 });
        var seeding = Stopwatch.StartNew();
        var definition = kube.Store.Definition("Pod");
        for (var i = 0; i < pods; i++)
        {
            var node = PodNode(i);
            var status = node["status"]!.DeepClone();
            // As on a cluster: the ReplicaSet controller creates the pod, the kubelet writes its status; the store records
            // both in metadata.managedFields, as the API server does, so the wire carries them.
            kube.Store.Create(definition, "default", node, manager: "kube-controller-manager");
            kube.Store.Update(definition, "default", $"pod-{i:000000}", o =>
            {
                o["status"] = status;
                return o;
            }, status: true, manager: "kubelet");
        }

        Console.WriteLine($"seeded {pods} pods in {seeding.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"listening {kube.Port}");
        var round = 0;
        while (Console.ReadLine() is { } command)
        {
            if (command.StartsWith("churn ", StringComparison.Ordinal))
            {
                var count = int.Parse(command[6..], CultureInfo.InvariantCulture);
                round++;
                for (var i = 0; i < count; i++)
                {
                    var name = $"pod-{i % pods:000000}";
                    kube.Store.Update(definition, "default", name, o =>
                    {
                        o["metadata"]!["annotations"]!["churn"] = $"{round}-{i}";
                        return o;
                    }, status: false, manager: "kubectl-annotate");
                }

                Console.WriteLine("churned");
            }
        }
    }

    private static JsonObject PodNode(int i)
    {
        var name = $"pod-{i:000000}";
        return JsonNode.Parse($$$"""
            {
              "metadata": {
                "name": "{{{name}}}",
                "labels": {"app": "app-{{{i % 300}}}", "pod-template-hash": "7c9f8b6d5{{{i % 10}}}", "team": "team-{{{i % 17}}}"},
                "annotations": {"iam.amazonaws.com/role": "arn:aws:iam::123456789012:role/app-{{{i % 300}}}", "kubectl.kubernetes.io/restartedAt": "2026-01-01T00:00:00Z"},
                "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "app-{{{i % 300}}}-7c9f8b6d5", "uid": "00000000-0000-0000-0000-{{{i % 300:000000000000}}}", "controller": true}]
              },
              "spec": {
                "nodeName": "ip-10-0-{{{i % 200}}}-{{{i % 250}}}.ec2.internal",
                "serviceAccountName": "app-{{{i % 300}}}",
                "containers": [{"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:{{{i % 50}}}",
                  "ports": [{"containerPort": 8080, "name": "http", "protocol": "TCP"}],
                  "env": [{"name": "MODE", "value": "production"}, {"name": "REGION", "value": "us-east-1"}],
                  "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"memory": "256Mi"} } }],
                "tolerations": [{"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}]
              },
              "status": {
                "phase": "Running",
                "podIP": "10.{{{(i >> 16) & 255}}}.{{{(i >> 8) & 255}}}.{{{i & 255}}}",
                "podIPs": [{"ip": "10.{{{(i >> 16) & 255}}}.{{{(i >> 8) & 255}}}.{{{i & 255}}}"}],
                "hostIP": "10.0.{{{i % 200}}}.{{{i % 250}}}",
                "conditions": [{"type": "Ready", "status": "True"}, {"type": "ContainersReady", "status": "True"}]
              }
            }
            """)!.AsObject();
    }
}

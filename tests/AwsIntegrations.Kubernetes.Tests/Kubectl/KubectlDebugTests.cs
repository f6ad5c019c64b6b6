using System.Text.Json.Nodes;

namespace AwsIntegrations.Kubernetes.Tests.Kubectl;

/// <summary>`kubectl debug` creates pods through its typed client, so protobuf: a copy of a pod, and a pod on a node's host.</summary>
public sealed class KubectlDebugTests : EmulatorTest
{
    private const string PodManifest = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec:
          serviceAccountName: web
          enableServiceLinks: false
          securityContext: {runAsNonRoot: true, runAsUser: 1000, sysctls: [{name: net.core.somaxconn, value: "1024"}]}
          containers:
          - name: app
            image: nginx:1.27
            args: [-g, daemon off;]
            ports: [{containerPort: 80, name: http}]
            env: [{name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]
            resources: {limits: {memory: 64Mi, cpu: "1"}}
            readinessProbe: {grpc: {port: 9000, service: health}, timeoutSeconds: 2}
            livenessProbe: {httpGet: {path: /, port: http, scheme: HTTP}}
            lifecycle: {preStop: {sleep: {seconds: 5}}}
            volumeMounts: [{name: cache, mountPath: /var/cache/nginx}]
          volumes:
          - {name: cache, emptyDir: {}}
        """;

    [Fact]
    public async Task DebugCopyTo_CreatesACopyOfThePod_WithTheDebugContainerAdded()
    {
        using var kubectl = new Kubectl(Kube);
        await kubectl.RunAsync("apply", "-f", kubectl.WriteManifest("pod.yaml", PodManifest));

        await kubectl.RunAsync("debug", "web", "--copy-to=web-debug", "--image=busybox", "--attach=false", "-c", "debugger");
        var original = Kube.Get("Pod", "default", "web")!["spec"]!.AsObject();
        var copy = Kube.Get("Pod", "default", "web-debug")!["spec"]!.AsObject();

        var containers = copy["containers"]!.AsArray();
        containers.Select(c => (string?)c!["name"]).Should().Equal("app", "debugger");
        JsonNode.DeepEquals(containers[0], original["containers"]![0]).Should().BeTrue(containers[0]!.ToJsonString());
        foreach (var field in new[] { "serviceAccountName", "enableServiceLinks", "securityContext", "volumes" })
        {
            JsonNode.DeepEquals(copy[field], original[field]).Should().BeTrue($"{field}: {copy[field]?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task DebugNode_CreatesAHostPodOnTheNode()
    {
        using var kubectl = new Kubectl(Kube);
        Kube.Create("Node", null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "node-7" } });

        await kubectl.RunAsync("debug", "node/node-7", "--image=busybox", "--attach=false");
        var pod = Kube.All("Pod").Should().ContainSingle().Which;

        ((string?)pod["metadata"]!["name"]).Should().StartWith("node-debugger-node-7-");
        var spec = pod["spec"]!;
        ((string?)spec["nodeName"]).Should().Be("node-7");
        ((bool?)spec["hostNetwork"]).Should().BeTrue();
        ((bool?)spec["hostPID"]).Should().BeTrue();
        ((string?)spec["volumes"]![0]!["hostPath"]!["path"]).Should().Be("/");
        ((string?)spec["containers"]![0]!["volumeMounts"]![0]!["mountPath"]).Should().Be("/host");
        ((string?)spec["tolerations"]![0]!["operator"]).Should().Be("Exists");
    }
}

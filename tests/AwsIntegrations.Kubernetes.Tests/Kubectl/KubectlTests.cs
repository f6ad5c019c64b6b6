using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Kubectl;

/// <summary>Real kubectl against the emulator: what users and the sandbox do by hand must work.</summary>
public sealed class KubectlTests : EmulatorTest
{
    private const string PodManifest = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app: web
        spec:
          containers:
          - name: app
            image: nginx:1.27
            env:
            - name: MODE
              value: blue
          - name: sidecar
            image: envoy:1
        """;

    [Fact]
    public async Task CreateFromFile_ThenGetJson_ShowsTheObjectAsStored()
    {
        using var kubectl = new Kubectl(Kube);

        var created = await kubectl.RunAsync("create", "-f", kubectl.WriteManifest("pod.yaml", PodManifest));
        var json = JsonNode.Parse(await kubectl.RunAsync("get", "pod", "web", "-o", "json"))!;

        created.Should().Contain("pod/web created");
        json["metadata"]!["uid"]!.GetValue<string>().Should().Be((string)Kube.Get("Pod", "default", "web")!["metadata"]!["uid"]!);
        json["spec"]!["containers"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task ApplyTwice_SecondApplyPatchesOnlyWhatChanged_KeepingOtherWritersFields()
    {
        using var kubectl = new Kubectl(Kube);
        var manifest = kubectl.WriteManifest("pod.yaml", PodManifest);
        (await kubectl.RunAsync("apply", "-f", manifest)).Should().Contain("pod/web created");
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"annotations":{"controller/owned":"yes"}}}""", V1Patch.PatchType.MergePatch), "web", "default");

        File.WriteAllText(manifest, PodManifest.Replace("nginx:1.27", "nginx:1.28", StringComparison.Ordinal).Replace("value: blue", "value: green", StringComparison.Ordinal));
        var second = await kubectl.RunAsync("apply", "-f", manifest);
        var unchanged = await kubectl.RunAsync("apply", "-f", manifest);

        second.Should().Contain("pod/web configured");
        unchanged.Should().Contain("pod/web unchanged");
        var stored = Kube.Get("Pod", "default", "web")!;
        stored["spec"]!["containers"]![0]!["image"]!.GetValue<string>().Should().Be("nginx:1.28");
        stored["spec"]!["containers"]![0]!["env"]![0]!["value"]!.GetValue<string>().Should().Be("green");
        stored["spec"]!["containers"]![1]!["image"]!.GetValue<string>().Should().Be("envoy:1");
        stored["metadata"]!["annotations"]!["controller/owned"]!.GetValue<string>().Should().Be("yes");
        stored["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"].Should().NotBeNull();
    }

    [Fact]
    public async Task Apply_RemovingAContainerFromTheManifest_RemovesItFromTheObject()
    {
        using var kubectl = new Kubectl(Kube);
        var manifest = kubectl.WriteManifest("pod.yaml", PodManifest);
        await kubectl.RunAsync("apply", "-f", manifest);

        File.WriteAllText(manifest, PodManifest[..PodManifest.IndexOf("  - name: sidecar", StringComparison.Ordinal)]);
        await kubectl.RunAsync("apply", "-f", manifest);

        Kube.Get("Pod", "default", "web")!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]).Should().Equal("app");
    }

    [Fact]
    public async Task AnnotateAndLabel_ChangeMetadata_AndOverwriteNeedsTheFlag()
    {
        using var kubectl = new Kubectl(Kube);
        await kubectl.RunAsync("create", "-f", kubectl.WriteManifest("pod.yaml", PodManifest));

        await kubectl.RunAsync("annotate", "pod", "web", "iam.amazonaws.com/role=reader");
        await kubectl.RunAsync("label", "pod", "web", "tier=front");
        var refused = await kubectl.FailAsync("label", "pod", "web", "tier=back");
        await kubectl.RunAsync("label", "pod", "web", "tier=back", "--overwrite");
        await kubectl.RunAsync("label", "pod", "web", "app-");

        var metadata = Kube.Get("Pod", "default", "web")!["metadata"]!;
        metadata["annotations"]!["iam.amazonaws.com/role"]!.GetValue<string>().Should().Be("reader");
        metadata["labels"]!["tier"]!.GetValue<string>().Should().Be("back");
        metadata["labels"]!.AsObject().ContainsKey("app").Should().BeFalse();
        refused.Should().Contain("already has a value");
    }

    [Fact]
    public async Task PatchMerge_AndPatchStatusSubresource_WriteWhereTheyShould()
    {
        using var kubectl = new Kubectl(Kube);
        await kubectl.RunAsync("create", "-f", kubectl.WriteManifest("pod.yaml", PodManifest));

        await kubectl.RunAsync("patch", "pod", "web", "--type", "merge", "-p", """{"metadata":{"labels":{"patched":"yes"}}}""");
        await kubectl.RunAsync("patch", "pod", "web", "--subresource=status", "--type", "merge", "-p", """{"status":{"phase":"Running","podIP":"10.20.30.40"}}""");
        await kubectl.RunAsync("patch", "pod", "web", "-p", """{"spec":{"containers":[{"name":"sidecar","image":"envoy:2"}]}}""");

        var stored = Kube.Get("Pod", "default", "web")!;
        stored["metadata"]!["labels"]!["patched"]!.GetValue<string>().Should().Be("yes");
        stored["status"]!["podIP"]!.GetValue<string>().Should().Be("10.20.30.40");
        stored["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["image"]).Should().Equal("nginx:1.27", "envoy:2");
    }

    [Fact]
    public async Task GetWatch_PrintsAddModifyDeleteAsTheyHappen()
    {
        using var kubectl = new Kubectl(Kube);
        await using var watch = kubectl.Start("get", "pods", "--watch", "--output-watch-events");
        await Eventually.HoldsAsync(() => Kube.Store.OpenWatches == 1, "kubectl watches");

        await kubectl.RunAsync("create", "-f", kubectl.WriteManifest("pod.yaml", PodManifest));
        await kubectl.RunAsync("label", "pod", "web", "seen=yes");
        await kubectl.RunAsync("delete", "pod", "web");

        await Eventually.HoldsAsync(() => watch.StandardOutput.Any(l => l.StartsWith("DELETED", StringComparison.Ordinal)), "the deletion is printed");
        watch.StandardOutput.Where(l => l.Contains("web", StringComparison.Ordinal)).Select(l => l.Split(' ')[0])
            .Should().Equal("ADDED", "MODIFIED", "DELETED");
    }

    [Fact]
    public async Task GetTable_ShowsColumnsForPods()
    {
        using var kubectl = new Kubectl(Kube);
        SeedPod("running", "10.1.1.1", node: "node-7");

        var table = await kubectl.RunAsync("get", "pods");

        table.Should().Contain("NAME").And.Contain("running").And.Contain("10.1.1.1").And.Contain("node-7");
    }

    [Fact]
    public async Task Delete_RemovesTheObject_AndGetMissingFailsWithNotFound()
    {
        using var kubectl = new Kubectl(Kube);
        await kubectl.RunAsync("create", "-f", kubectl.WriteManifest("pod.yaml", PodManifest));

        (await kubectl.RunAsync("delete", "pod", "web")).Should().Contain("deleted");
        var error = await kubectl.FailAsync("get", "pod", "web");

        Kube.Get("Pod", "default", "web").Should().BeNull();
        error.Should().Contain("NotFound").And.Contain("\"web\" not found");
    }

    [Fact]
    public async Task CreateFromFile_EveryKindOfTheSuite_IsAccepted()
    {
        using var kubectl = new Kubectl(Kube);
        var manifest = kubectl.WriteManifest("all.yaml", """
            apiVersion: v1
            kind: Namespace
            metadata: {name: apps}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: apps}
            spec: {ports: [{port: 80, targetPort: 8080}], selector: {app: web}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: alb}
            spec: {controller: aws-integrations.io/ingress}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web, namespace: apps, annotations: {external-dns.alpha.kubernetes.io/hostname: web.example.com}}
            spec:
              ingressClassName: alb
              rules:
              - host: web.example.com
                http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata: {name: once, namespace: apps}
            spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly, namespace: apps}
            spec: {schedule: "0 3 * * *", jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}}}
            ---
            apiVersion: coordination.k8s.io/v1
            kind: Lease
            metadata: {name: lock, namespace: apps}
            spec: {holderIdentity: someone, leaseDurationSeconds: 15}
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: apps}
            spec:
              selector: {matchLabels: {app: agent}}
              template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: c, image: agent}]}}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: web-abc, namespace: apps, labels: {kubernetes.io/service-name: web}}
            addressType: IPv4
            endpoints: [{addresses: [10.0.0.1], conditions: {ready: true}}]
            ports: [{port: 8080}]
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: creds, namespace: apps}
            stringData: {password: hunter2}
            """);

        var output = await kubectl.RunAsync("apply", "-f", manifest);

        output.Split('\n').Should().HaveCount(10).And.OnlyContain(l => l.EndsWith(" created", StringComparison.Ordinal));
        Kube.Get("Ingress", "apps", "web")!["spec"]!["rules"]![0]!["host"]!.GetValue<string>().Should().Be("web.example.com");
        (await kubectl.RunAsync("get", "ingress,jobs,cronjobs,leases,daemonsets,endpointslices", "-n", "apps", "-o", "name")).Split('\n').Should().HaveCount(6);
    }
}

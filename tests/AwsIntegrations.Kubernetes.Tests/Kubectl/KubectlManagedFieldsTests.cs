using System.Text.Json.Nodes;

namespace AwsIntegrations.Kubernetes.Tests.Kubectl;

/// <summary>
/// metadata.managedFields as a real API server writes them, seen through kubectl (which names its field managers:
/// kubectl-create, kubectl-label, kubectl-client-side-apply…) and through writes of other managers.
/// </summary>
public sealed class KubectlManagedFieldsTests : EmulatorTest
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: app
                image: nginx:1.27
                ports:
                - containerPort: 8080
                  protocol: TCP
        """;

    [Fact]
    public async Task KubectlCreateThenLabel_EachManagerOwnsWhatItSet_ShownWithShowManagedFields()
    {
        using var kubectl = new Kubectl(Kube);
        await kubectl.RunAsync("create", "-f", kubectl.WriteManifest("deploy.yaml", Deployment));
        await kubectl.RunAsync("label", "deployment", "web", "tier=front");

        var shown = JsonNode.Parse(await kubectl.RunAsync("get", "deployment", "web", "-o", "json", "--show-managed-fields"))!;
        var hidden = JsonNode.Parse(await kubectl.RunAsync("get", "deployment", "web", "-o", "json"))!;

        var entries = shown["metadata"]!["managedFields"]!.AsArray();
        entries.Select(e => (string)e!["manager"]!).Should().Equal("kubectl-create", "kubectl-label");
        entries.Should().AllSatisfy(e =>
        {
            ((string)e!["operation"]!).Should().Be("Update");
            ((string)e["apiVersion"]!).Should().Be("apps/v1");
            ((string)e["fieldsType"]!).Should().Be("FieldsV1");
            ((string)e["time"]!).Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        });
        var created = entries[0]!["fieldsV1"]!;
        created["f:spec"]!["f:replicas"].Should().NotBeNull();
        created["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"app\"}"]!["f:ports"]!["k:{\"containerPort\":8080,\"protocol\":\"TCP\"}"]!["f:containerPort"].Should().NotBeNull();
        created["f:metadata"]!["f:labels"]!["f:app"].Should().NotBeNull();
        created["f:metadata"]!["f:labels"]!["f:tier"].Should().BeNull("kubectl-label set it");
        entries[1]!["fieldsV1"]!.ToJsonString().Should().Be("""{"f:metadata":{"f:labels":{"f:tier":{}}}}""");
        hidden["metadata"]!["managedFields"].Should().BeNull("kubectl hides them unless asked");
    }

    [Fact]
    public async Task StatusWrite_IsItsOwnEntry_AndAnotherManagersChangeTakesTheField()
    {
        using var kubectl = new Kubectl(Kube);
        await kubectl.RunAsync("create", "-f", kubectl.WriteManifest("deploy.yaml", Deployment));
        var definition = Kube.Store.Definition("Deployment");
        Kube.Store.Update(definition, "default", "web", o => { o["status"] = new JsonObject { ["replicas"] = 2 }; return o; }, status: true, manager: "kube-controller-manager");
        await kubectl.RunAsync("patch", "deployment", "web", "-p", """{"spec":{"replicas":3}}""");
        await kubectl.RunAsync("annotate", "deployment", "web", "note=x", "--field-manager=kubectl-patch");
        await kubectl.RunAsync("annotate", "deployment", "web", "note-", "--field-manager=kubectl-patch");

        var entries = Kube.Get("Deployment", "default", "web")!["metadata"]!["managedFields"]!.AsArray();

        entries.Select(e => ((string)e!["manager"]!, (string?)e["subresource"])).Should().Equal(
            ("kubectl-create", null), ("kube-controller-manager", "status"), ("kubectl-patch", null));
        entries[0]!["fieldsV1"]!["f:spec"]!["f:replicas"].Should().BeNull("kubectl patch took the field");
        entries[2]!["fieldsV1"]!.ToJsonString().Should().Be("""{"f:spec":{"f:replicas":{}}}""", "the annotation it added and removed left no trace");
        entries[1]!["fieldsV1"]!.ToJsonString().Should().Be("""{"f:status":{"f:replicas":{}}}""");
    }
}

using System.Text.Json.Nodes;
using AwsIntegrations.Testing;
using YamlDotNet.RepresentationModel;

namespace AwsIntegrations.NodeGate.Tests.Service;

/// <summary>The manifests in deploy/nodegate grant exactly what the running service calls.</summary>
public class RbacTests : NodeGateCluster
{
    private static readonly string Deploy = RepositoryRoot.Combine("deploy", "nodegate");

    [Fact]
    public void ClusterRole_GrantsExactlyTheIssuesVerbs()
    {
        var rules = Rules("clusterrole.yaml");

        rules.Should().BeEquivalentTo(new[]
        {
            new Rule("", "nodes", ["get", "list", "watch", "patch"]),
            new Rule("", "pods", ["get", "list", "watch"]),
            new Rule("apps", "daemonsets", ["get", "list", "watch"]),
            new Rule("", "events", ["create", "patch"]),
        });
        Rules("role.yaml").Should().OnlyContain(r => r.Group == "coordination.k8s.io" && r.Resource == "leases");
    }

    [Fact]
    public async Task RunningService_CallsNothingTheManifestsDoNotGrant()
    {
        // Objects are written straight into the emulator's store so that every recorded request is the service's own.
        var ds = Kube.Create("DaemonSet", "kube-system", JsonNode.Parse("""
            {"metadata":{"name":"kube-proxy","labels":{"node-gate":"required"}},"spec":{"selector":{"matchLabels":{"app":"p"}},"template":{"metadata":{"labels":{"app":"p"}},"spec":{"containers":[{"name":"p","image":"p"}]}}}}
            """)!.AsObject());
        Kube.Faults.Fail("patch", "nodes", 409, times: 1);
        await StartServiceAsync("--daemonset-selector", "node-gate=required");
        Kube.Create("Node", null, JsonNode.Parse("""{"metadata":{"name":"n1"},"spec":{"taints":[{"key":"aws-integrations.io/not-ready","effect":"NoSchedule"}]}}""")!.AsObject());
        Kube.Create("Pod", "kube-system", JsonNode.Parse($$$"""
            {"metadata":{"name":"kube-proxy-n1","ownerReferences":[{"apiVersion":"apps/v1","kind":"DaemonSet","name":"kube-proxy","uid":"{{{ds["metadata"]!["uid"]}}}","controller":true}]},"spec":{"nodeName":"n1","containers":[{"name":"p","image":"p"}]}}
            """)!.AsObject());
        Kube.Store.Update(Kube.Store.Definition("Pod"), "kube-system", "kube-proxy-n1", o =>
        {
            o["status"] = JsonNode.Parse("""{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}""");
            return o;
        }, status: true);

        await Eventually.HoldsAsync(() => Kube.Get("Node", null, "n1")!["spec"]!["taints"] is not JsonArray { Count: > 0 }, "n1 released\n" + Service.Output);
        await Eventually.HoldsAsync(() => Kube.All("Event").Count > 0, "an Event written");

        var granted = Rules("clusterrole.yaml").Concat(Rules("role.yaml")).SelectMany(r => r.Verbs.Select(v => (v, r.Resource))).ToHashSet();
        var called = Kube.Requests.Distinct().ToList();
        called.Should().Contain([("patch", "nodes"), ("get", "nodes"), ("watch", "pods"), ("list", "daemonsets"), ("create", "events"), ("create", "leases")]);
        called.Where(c => !granted.Contains(c)).Should().BeEmpty();
    }

    private sealed record Rule(string Group, string Resource, string[] Verbs);

    private static List<Rule> Rules(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Deploy, file))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return [.. ((YamlSequenceNode)root["rules"]).Cast<YamlMappingNode>().SelectMany(rule =>
            from g in (YamlSequenceNode)rule["apiGroups"]
            from r in (YamlSequenceNode)rule["resources"]
            select new Rule(((YamlScalarNode)g).Value!, ((YamlScalarNode)r).Value!, [.. ((YamlSequenceNode)rule["verbs"]).Select(v => ((YamlScalarNode)v).Value!)]))];
    }
}

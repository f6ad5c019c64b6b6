using System.Text.Json;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Deploy.Tests;

/// <summary>
/// The controllers' AWS credentials as a cluster would give them: every pod that calls AWS names its role, the namespace
/// allows exactly those roles, the IRSA variant names them on the ServiceAccounts instead, and the IAM JSON beside them is
/// valid, names only this cluster's account, cluster and zones, and only actions AWS has.
/// </summary>
public sealed class IamTests
{
    private const string Account = "210987654321";
    private static readonly string[] Controllers = ["IngressController", "DnsController"];

    // Actions that are permissions without an API operation of their own (AWS checks them for another call).
    private static readonly HashSet<string> PermissionOnlyActions = new(StringComparer.Ordinal) { "elasticloadbalancing:SetWebAcl", "sts:TagSession" };

    [Fact]
    public async Task ExampleOverlay_EveryAwsCallingPodNamesItsRole_TheNamespaceAllowsExactlyThose_AndTheIamJsonIsBeside()
    {
        var objects = Kustomize.Objects(await Kustomize.RenderAsync("deploy/overlays/example"));
        var iam = objects.Single(o => o.Text("kind") == "ConfigMap" && o.Text("metadata", "name") == "aws-integrations-iam");
        var roles = new Dictionary<string, string>
        {
            ["IngressController"] = iam.Text("data", "ingress-controller-role-arn")!,
            ["DnsController"] = iam.Text("data", "dns-controller-role-arn")!,
        };

        foreach (var workload in Workloads(objects))
        {
            var service = workload.Text("spec", "template", "metadata", "annotations", "aws-integrations.io/service")!;
            workload.Text("spec", "template", "metadata", "annotations", "iam.amazonaws.com/role")
                .Should().Be(roles.GetValueOrDefault(service), $"{service} {(roles.ContainsKey(service) ? "calls AWS with its own role" : "gets no role")}");
        }

        roles.Values.Should().AllSatisfy(arn => arn.Should().StartWith($"arn:aws:iam::{Account}:role/"));
        var allowed = objects.Single(o => o.Text("kind") == "Namespace" && o.Text("metadata", "name") == "aws-integrations")
            .Text("metadata", "annotations", "iam.amazonaws.com/allowed-roles")!;
        JsonSerializer.Deserialize<string[]>(allowed).Should().BeEquivalentTo(roles.Values, "Kube2Iam gives the namespace's pods exactly the controllers' roles");
        foreach (var policy in IamPolicyFiles.All())
        {
            JsonNode.DeepEquals(JsonNode.Parse(iam.Text("data", policy.Name + ".json")!), JsonNode.Parse(policy.Json))
                .Should().BeTrue($"the ConfigMap shows {policy.Name}.json as it is");
        }
    }

    [Fact]
    public async Task Base_NamesTheRolesRelativeToKube2IamsBaseArn()
    {
        var objects = Kustomize.Objects(await Kustomize.RenderAsync("deploy/base"));

        var names = Workloads(objects).Select(w => w.Text("spec", "template", "metadata", "annotations", "iam.amazonaws.com/role")).OfType<string>().ToList();
        names.Should().BeEquivalentTo(["aws-integrations-ingress-controller", "aws-integrations-dns-controller"]);
        JsonSerializer.Deserialize<string[]>(objects.Single(o => o.Text("kind") == "Namespace").Text("metadata", "annotations", "iam.amazonaws.com/allowed-roles")!)
            .Should().BeEquivalentTo(names);
    }

    [Fact]
    public async Task IrsaComponent_NamesTheRolesOnTheServiceAccounts_AndDropsTheKube2IamWiring()
    {
        var example = Kustomize.Objects(await Kustomize.RenderAsync("deploy/overlays/example"));
        var objects = Kustomize.Objects(await Kustomize.RenderAsync("deploy/overlays/example-irsa"));

        foreach (var workload in Workloads(objects).Where(w => Controllers.Contains(w.Text("spec", "template", "metadata", "annotations", "aws-integrations.io/service"))))
        {
            var account = workload.Text("spec", "template", "spec", "serviceAccountName")!;
            var before = Workloads(example).Single(w => w.Text("metadata", "name") == workload.Text("metadata", "name"));
            objects.Single(o => o.Text("kind") == "ServiceAccount" && o.Text("metadata", "name") == account).Text("metadata", "annotations", "eks.amazonaws.com/role-arn")
                .Should().Be(before.Text("spec", "template", "metadata", "annotations", "iam.amazonaws.com/role"), "the same role, on the ServiceAccount");
            workload.Text("spec", "template", "metadata", "annotations", "iam.amazonaws.com/role").Should().BeNull();
            workload.Text("spec", "template", "spec", "securityContext", "fsGroup").Should().Be("1654", "the non-root container reads the projected token");
        }

        objects.Single(o => o.Text("kind") == "Namespace" && o.Text("metadata", "name") == "aws-integrations")
            .Text("metadata", "annotations", "iam.amazonaws.com/allowed-roles").Should().BeNull();
    }

    [Fact]
    public void Policies_AreValidIam_AndEveryActionIsAnAwsOperationOrADocumentedPermission()
    {
        var operations = new[] { ("elasticloadbalancing", "elbv2"), ("ec2", "ec2"), ("acm", "acm"), ("route53", "route53"), ("wafv2", "wafv2"), ("sts", "sts") }
            .ToDictionary(s => s.Item1, s => Operations(s.Item2));

        foreach (var policy in IamPolicyFiles.All())
        {
            foreach (var action in policy.Statements.SelectMany(s => s.Actions))
            {
                var (service, name) = (action.Split(':')[0], action.Split(':')[1]);
                (PermissionOnlyActions.Contains(action) || (operations.TryGetValue(service, out var known) && known.Contains(name)))
                    .Should().BeTrue($"{policy.Name}: {action} is an action of AWS (botocore's {service} model, or a documented permission)");
            }
        }
    }

    [Fact]
    public async Task Policies_NameOnlyThisClustersAccountClusterZonesAndServiceAccounts()
    {
        var objects = Kustomize.Objects(await Kustomize.RenderAsync("deploy/overlays/example"));
        var args = Workloads(objects).ToDictionary(w => w.Text("metadata", "name")!, w => w.Items("spec", "template", "spec", "containers", 0, "args").Cast<string>().ToList());
        string Flag(string workload, string flag) => args[workload].Single(a => a.StartsWith($"--{flag}=", StringComparison.Ordinal))[(flag.Length + 3)..];
        var cluster = Flag("ingress-controller", "cluster-id");
        var zones = Flag("dns-controller", "zone-id-filter").Split(',');
        var baseArn = Flag("kube2iam", "base-role-arn");

        foreach (var policy in IamPolicyFiles.All())
        {
            var arns = policy.Statements.SelectMany(s => s.Resources.Concat(s.Principals.Values.SelectMany(v => v))).Where(a => a.StartsWith("arn:", StringComparison.Ordinal)).ToList();
            arns.Select(a => a.Split(':')[4]).Where(a => a.Length > 0).Should().AllBe(Account, $"{policy.Name} names only this account");
            policy.Json.Should().NotContain("kubernetes.io/cluster/my-cluster").And.NotContain("123456789012");
            foreach (var key in policy.Statements.SelectMany(s => s.Conditions).Select(c => c.Key).Where(k => k.Contains("kubernetes.io/cluster/", StringComparison.Ordinal)))
            {
                key.Should().EndWith("/kubernetes.io/cluster/" + cluster, $"{policy.Name} scopes by the --cluster-id the IngressController tags with");
            }
        }

        IamPolicyFiles.Load("dns-controller-policy").Statements.SelectMany(s => s.Resources).Where(r => r.Contains("hostedzone", StringComparison.Ordinal))
            .Select(r => r.Split('/')[^1]).Distinct().Should().BeEquivalentTo(zones, "the DnsController changes the zones its --zone-id-filter names, and only those");
        IamPolicyFiles.Load("kube2iam-node-policy").Statements.Single().Resources.Should().Equal(baseArn + "*");
        foreach (var controller in new[] { "ingress-controller", "dns-controller" })
        {
            var account = Workloads(objects).Single(w => w.Text("metadata", "name") == controller).Text("spec", "template", "spec", "serviceAccountName");
            IamPolicyFiles.Load($"{controller}-irsa-trust-policy").Statements.Single().Conditions.Where(c => c.Key.EndsWith(":sub", StringComparison.Ordinal))
                .Should().ContainSingle().Which.Values.Should().Equal($"system:serviceaccount:aws-integrations:{account}");
        }
    }

    private static HashSet<string> Operations(string service)
    {
        var root = Path.Combine("/usr/lib/python3/dist-packages/botocore/data", service);
        var model = Directory.GetDirectories(root).Order(StringComparer.Ordinal).Last();
        return JsonNode.Parse(File.ReadAllText(Path.Combine(model, "service-2.json")))!["operations"]!.AsObject().Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<Dictionary<object, object>> Workloads(IEnumerable<Dictionary<object, object>> objects) =>
        objects.Where(o => o.Text("kind") is "Deployment" or "DaemonSet");
}

using AwsIntegrations.IngressController.Certificates;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.IngressController.Planning;
using k8s.Models;

namespace AwsIntegrations.IngressController.Tests.Planning;

/// <summary>The desired state from Ingresses and what is known of AWS, without I/O.</summary>
public class DesiredStateBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IngressControllerOptions Options = new() { ClusterId = "sandbox" };
    private static readonly Ownership Ownership = Ownership.From(Options);
    private static readonly NetworkView Network = new(["subnet-a", "subnet-b"], ["subnet-c", "subnet-d"], "vpc-1", "sg-1");
    private static readonly CertificateInfo Shop = Certificate("shop", "shop.example.org");
    private static readonly CertificateInfo Blog = Certificate("blog", "*.blog.example.org");

    private static CertificateInfo Certificate(string id, string name) =>
        new($"arn:aws:acm:eu-central-1:123456789012:certificate/{id}", [name], Now.AddDays(-1), Now.AddYears(1));

    private static V1Ingress Ingress(string name, string[] hosts, Dictionary<string, string>? annotations = null, string? statusHostname = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "web", Annotations = annotations },
        Spec = new V1IngressSpec { IngressClassName = "aws-integrations", Rules = [.. hosts.Select(h => new V1IngressRule { Host = h })] },
        Status = statusHostname is null ? null : new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Hostname = statusHostname }] } },
    };

    private static DesiredStateInputs Inputs(AwsInventory? inventory = null, NetworkView? network = null, params V1Ingress[] ingresses) =>
        new(ingresses.ToDictionary(i => $"{i.Metadata.NamespaceProperty}/{i.Metadata.Name}", StringComparer.Ordinal), inventory ?? new AwsInventory(), network ?? Network, [Shop, Blog], Now);

    private static DesiredState Build(DesiredStateInputs inputs, IngressControllerOptions? options = null) =>
        new DesiredStateBuilder(options ?? Options, Ownership).Build(inputs);

    [Fact]
    public void Build_IngressesOfOneGroup_ShareOneLoadBalancer_WithTheirCertificates_SubnetsAndSecurityGroup()
    {
        var desired = Build(Inputs(null, null, Ingress("shop", ["shop.example.org"]), Ingress("blog", ["www.blog.example.org"])));

        var alb = desired.Albs.Values.Should().ContainSingle().Subject;
        alb.Certificates.Should().BeEquivalentTo([Shop.Arn, Blog.Arn]);
        alb.Ingresses.Should().BeEquivalentTo(["web/blog", "web/shop"]);
        alb.Subnets.Should().Equal("subnet-a", "subnet-b");
        alb.SecurityGroup.Should().Be("sg-1");
        desired.Assignments.Should().BeEquivalentTo(new Dictionary<string, string> { ["web/blog"] = alb.Name, ["web/shop"] = alb.Name });
        desired.Problems.Of("web/shop").Should().BeEmpty();
        desired.Problems.Of("web/blog").Should().BeEmpty();
    }

    [Fact]
    public void Build_BadAnnotationBesideAGoodIngress_IsAProblemOfThatIngressAlone_AndBothArePlaced()
    {
        var desired = Build(Inputs(null, null,
            Ingress("shop", ["shop.example.org"], new() { ["zalando.org/aws-load-balancer-scheme"] = "internet-facingg" }),
            Ingress("blog", ["www.blog.example.org"])));

        desired.Problems.Of("web/shop").Should().ContainSingle().Which.Reason.Should().Be("InvalidAnnotation");
        desired.Problems.Of("web/blog").Should().BeEmpty();
        desired.Assignments.Keys.Should().BeEquivalentTo(["web/blog", "web/shop"], "the bad value falls back to the default, so the Ingress keeps its load balancer");
    }

    [Fact]
    public void Build_HttpsOnlyIngressWithoutCertificate_GetsNoLoadBalancer_AndAProblem_TheOthersArePlaced()
    {
        var desired = Build(Inputs(null, null,
            Ingress("nocert", ["unknown.example.org"], new() { ["aws-integrations.io/ssl-redirect"] = "true" }),
            Ingress("shop", ["shop.example.org"])));

        desired.Assignments.Keys.Should().Equal("web/shop");
        desired.Problems.Of("web/nocert").Should().ContainSingle().Which.Reason.Should().Be("CertificateNotFound");
        desired.HostsWithoutCertificate.Should().Be(1);
    }

    [Fact]
    public void Build_ClusterLocalOnlyIngress_GetsNothing_AndNoProblem()
    {
        var options = new IngressControllerOptions { ClusterId = "sandbox", ClusterLocalDomain = "cluster.local" };

        var desired = Build(Inputs(null, null, Ingress("internal", ["svc.web.cluster.local"])), options);

        desired.Albs.Should().BeEmpty();
        desired.Requests.Should().BeEmpty();
        desired.Problems.Of("web/internal").Should().BeEmpty();
    }

    [Fact]
    public void Build_NewLoadBalancerWithoutSubnetsOrSecurityGroup_ProblemsOnEveryMember_ButAnExistingOneNeedsNone()
    {
        var bare = new NetworkView(["subnet-a"], [], "vpc-1", null);
        var fresh = Build(Inputs(null, bare, Ingress("shop", ["shop.example.org"]), Ingress("blog", ["www.blog.example.org"])));

        foreach (var ingress in new[] { "web/shop", "web/blog" })
        {
            fresh.Problems.Of(ingress).Select(p => p.Reason).Should().BeEquivalentTo(["SubnetsNotFound", "SecurityGroupNotFound"]);
        }

        fresh.Problems.Of("web/shop").First(p => p.Reason == "SubnetsNotFound").Message.Should()
            .Be("no subnets in two availability zones for internet-facing load balancers: tag them kubernetes.io/cluster/sandbox (and kubernetes.io/role/elb, or route them to an internet gateway), or set --subnets or --vpc-id");
        var name = fresh.Albs.Keys.Single();
        var inventory = new AwsInventory();
        inventory.Albs[name] = new AlbState { Name = name, Arn = "arn:lb", DnsName = "lb.example" };
        var existing = Build(Inputs(inventory, bare, Ingress("shop", ["shop.example.org"]), Ingress("blog", ["www.blog.example.org"])));
        existing.Problems.Of("web/shop").Should().BeEmpty("a load balancer that exists keeps serving");
    }

    [Fact]
    public void Build_IngressStaysOnTheLoadBalancerItsStatusNames_WhenItsCertificatesFitThere()
    {
        var group = Build(Inputs(null, null, Ingress("shop", ["shop.example.org"]))).Albs.Values.Single().Group.Hash;
        var inventory = new AwsInventory();
        foreach (var slot in new[] { 0, 1 })
        {
            var name = Ownership.AlbName(group, slot);
            inventory.Albs[name] = new AlbState { Name = name, Arn = $"arn:lb{slot}", DnsName = $"LB{slot}.example" };
        }

        var desired = Build(Inputs(inventory, null, Ingress("shop", ["shop.example.org"], statusHostname: "lb1.example")));

        desired.Assignments["web/shop"].Should().Be(Ownership.AlbName(group, 1));
    }

    [Fact]
    public void Build_CertificateAwsRefused_IsLeftOutWithAProblem_UntilTheMemoryIsCleared()
    {
        var inputs = Inputs(null, null, Ingress("shop", ["shop.example.org"])) with { RefusedCertificates = new Dictionary<string, string> { [Shop.Arn] = "UnsupportedCertificate: nope" } };

        var desired = Build(inputs);

        desired.Albs.Values.Single().Certificates.Should().BeEmpty();
        desired.Problems.Of("web/shop").Select(p => p.Reason).Should().Contain("CertificateNotFound");
    }
}

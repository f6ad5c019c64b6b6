using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Planning;
using k8s.Models;

namespace AwsIntegrations.IngressController.Tests.Planning;

/// <summary>A pass's plan: ELBv2 changes of the load balancers not held back, then the web ACL associations; the cleanup memory.</summary>
public class PassPlannerTests
{
    private const string Acl = "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/shop/0a1b2c3d";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> Targets = ["i-1"];
    private static readonly LoadBalancerSettings Settings = new(60, false, 25, TimeSpan.FromMinutes(10), new TargetGroupHealthCheck
    {
        Protocol = "HTTP", Port = "traffic-port", Path = "/kube-system/healthz", IntervalSeconds = 10, TimeoutSeconds = 5, HealthyThresholdCount = 5, UnhealthyThresholdCount = 2,
    });

    private static DesiredState Desired(params string[] albs)
    {
        var group = new GroupKey("internet-facing", "ipv4", null, "ELBSecurityPolicy-TLS13-1-2-2021-06", Acl, true, false);
        var wanted = albs.ToDictionary(a => a, a => new DesiredAlb(a, group, 0, new HashSet<string>(), []) { Subnets = ["subnet-a", "subnet-b"], SecurityGroup = "sg-1" }, StringComparer.Ordinal);
        return new DesiredState(wanted, new Dictionary<string, string>(), [], new IngressProblems(new Dictionary<string, V1Ingress>()));
    }

    [Fact]
    public void Plan_HeldBackLoadBalancer_ItsElbChangesAreLeftOut_TheOthersAndTheWebAclChangesStay()
    {
        var plan = new PassPlanner(Settings, webAcls: true).Plan(Desired("lb-a", "lb-b"), new AwsInventory(), Targets, new HashSet<string> { "lb-a" }, Now);

        plan.Changes.Where(c => c is not WebAclChange).Select(c => c.Alb).Distinct().Should().Equal("lb-b");
        plan.Changes.OfType<WebAclChange>().Should().Equal([new AssociateWebAcl("lb-b", Acl)], "lb-a is not created this pass, so it has nothing to associate");
        plan.Changes.SkipWhile(c => c is not WebAclChange).Should().AllBeAssignableTo<WebAclChange>("associations come after every ELBv2 write");
    }

    [Fact]
    public void Plan_WithoutWebAcls_PlansNoAssociation()
    {
        var plan = new PassPlanner(Settings, webAcls: false).Plan(Desired("lb-a"), new AwsInventory(), Targets, new HashSet<string>(), Now);

        plan.Changes.Should().NotBeEmpty().And.NotContain(c => c is WebAclChange);
    }

    [Fact]
    public void Applied_RemembersSinceWhenWhatNoOneNeedsIsUnneeded_SoItIsDeletedAfterTheGrace()
    {
        var inventory = new AwsInventory();
        inventory.Albs["lb-old"] = new AlbState { Name = "lb-old", Arn = "arn:lb-old", DnsName = "old.example" };
        var planner = new PassPlanner(Settings, webAcls: false);

        var first = planner.Plan(Desired(), inventory, Targets, new HashSet<string>(), Now);
        first.Changes.Should().Equal(new TagUnused("lb-old", CleanupTarget.LoadBalancer, Now));
        planner.Applied(first);

        planner.Plan(Desired(), inventory, Targets, new HashSet<string>(), Now + Settings.CleanupGrace).Changes
            .Should().Contain(new DeleteLoadBalancer("lb-old"), "the tag was not read back, but the planner remembers since when");
        new PassPlanner(Settings, webAcls: false).Plan(Desired(), inventory, Targets, new HashSet<string>(), Now + Settings.CleanupGrace).Changes
            .Should().NotContain(c => c is DeleteLoadBalancer, "a planner that remembers nothing starts the grace now");
    }
}

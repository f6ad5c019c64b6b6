using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Planning;

namespace AwsIntegrations.IngressController.Tests.Planning;

/// <summary>Web ACL associations as planned changes, from the desired load balancers and what is known of AWS.</summary>
public class WebAclPlannerTests
{
    private const string Acl = "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/shop/0a1b2c3d";
    private const string Other = "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/other/0a1b2c3e";
    private const string Alb = "ing-cccccc-aaaaaa-0";

    private static DesiredAlb Desired(string? acl) =>
        new(Alb, new GroupKey("internet-facing", "ipv4", null, "ELBSecurityPolicy-TLS13-1-2-2021-06", acl, true, false), 0, new HashSet<string>(), ["web/shop"]);

    private static Dictionary<string, DesiredAlb> Want(string? acl) => new(StringComparer.Ordinal) { [Alb] = Desired(acl) };

    private static AwsInventory Existing(bool known, string? associated = null, WebAclRejection? rejected = null)
    {
        var inventory = new AwsInventory();
        inventory.Albs[Alb] = new AlbState { Name = Alb, Arn = "arn:lb", DnsName = "lb.example", WebAclKnown = known, WebAcl = associated, WebAclRejected = rejected };
        return inventory;
    }

    [Fact]
    public void Plan_LoadBalancerThePlanCreates_IsAssociatedWithItsGroupsAcl()
    {
        var desired = Want(Acl);

        WebAclPlanner.Plan(desired, new AwsInventory(), [new CreateLoadBalancer(Alb, desired[Alb].Group, ["subnet-a", "subnet-b"], "sg-1")])
            .Should().Equal(new AssociateWebAcl(Alb, Acl));
    }

    [Fact]
    public void Plan_LoadBalancerNeitherThereNorCreated_GetsNothing()
    {
        WebAclPlanner.Plan(Want(Acl), new AwsInventory(), []).Should().BeEmpty("a load balancer held back or without subnets has nothing to associate");
    }

    [Theory]
    [InlineData(Acl, Acl, null)]
    [InlineData(Acl, Other, "associate")]
    [InlineData(Acl, null, "associate")]
    [InlineData(null, Acl, "disassociate")]
    [InlineData(null, null, null)]
    public void Plan_KnownAssociation_ChangesOnlyWhatDiffers(string? wanted, string? associated, string? expected)
    {
        var changes = WebAclPlanner.Plan(Want(wanted), Existing(known: true, associated), []);

        changes.Should().Equal(expected switch
        {
            "associate" => [new AssociateWebAcl(Alb, wanted!)],
            "disassociate" => [new DisassociateWebAcl(Alb)],
            _ => Array.Empty<WebAclChange>(),
        });
    }

    [Fact]
    public void Plan_AssociationNotRead_ChangesNothing()
    {
        WebAclPlanner.Plan(Want(Acl), Existing(known: false), []).Should().BeEmpty("nothing is associated or removed on a guess");
        WebAclPlanner.Plan(Want(null), Existing(known: false, Other), []).Should().BeEmpty();
    }

    [Fact]
    public void Plan_AclAwsRefused_IsNotAskedForAgain_ButAnotherAclIs()
    {
        var inventory = Existing(known: true, rejected: new WebAclRejection(Acl, "WAFNonexistentItemException: no such ACL"));

        WebAclPlanner.Plan(Want(Acl), inventory, []).Should().BeEmpty();
        WebAclPlanner.Plan(Want(Other), inventory, []).Should().Equal(new AssociateWebAcl(Alb, Other));
    }

    [Fact]
    public void WebAclChanges_AreNamedAfterTheirWafv2Operations()
    {
        new AssociateWebAcl(Alb, Acl).Operation.Should().Be("AssociateWebACL");
        new DisassociateWebAcl(Alb).Operation.Should().Be("DisassociateWebACL");
    }
}

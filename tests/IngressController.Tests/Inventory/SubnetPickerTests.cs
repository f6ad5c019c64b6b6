using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Inventory;

namespace AwsIntegrations.IngressController.Tests.Inventory;

/// <summary>kube-ingress-aws-controller's subnet choice (aws/adapter.go FindLBSubnets, aws/ec2.go isSubnetPublic), as a pure function.</summary>
public class SubnetPickerTests
{
    private static Ec2Subnet Subnet(string id, string zone, params string[] tags) =>
        new(id, "vpc-1", "10.0.0.0/24", zone, 250, false, "available", tags.ToDictionary(t => t, _ => "1"));

    [Fact]
    public void PerZone_RoleTaggedFirst_ThenTheLowestId_OnePerZone()
    {
        Ec2Subnet[] subnets =
        [
            Subnet("subnet-a2", "a", SubnetPicker.ElbRole), Subnet("subnet-a1", "a"),
            Subnet("subnet-b2", "b"), Subnet("subnet-b1", "b"),
        ];

        SubnetPicker.PerZone(subnets, SubnetPicker.ElbRole, _ => true).Should().Equal("subnet-a2", "subnet-b1");
        SubnetPicker.PerZone(subnets, SubnetPicker.InternalElbRole, _ => true).Should().Equal("subnet-a1", "subnet-b1");
    }

    [Fact]
    public void PerZone_OnlyUsableSubnets_AZoneWithoutOneIsLeftOut()
    {
        Ec2Subnet[] subnets = [Subnet("subnet-a1", "a"), Subnet("subnet-b1", "b")];

        SubnetPicker.PerZone(subnets, SubnetPicker.ElbRole, s => s.SubnetId == "subnet-a1").Should().Equal("subnet-a1");
    }

    [Fact]
    public void SomeZoneUntagged_TellsWhetherRoutesAreNeeded()
    {
        SubnetPicker.SomeZoneUntagged([Subnet("subnet-a1", "a", SubnetPicker.ElbRole), Subnet("subnet-b1", "b", SubnetPicker.ElbRole)], SubnetPicker.ElbRole).Should().BeFalse();
        SubnetPicker.SomeZoneUntagged([Subnet("subnet-a1", "a", SubnetPicker.ElbRole), Subnet("subnet-b1", "b")], SubnetPicker.ElbRole).Should().BeTrue();
    }

    [Fact]
    public void Public_ARouteToAnInternetGateway_OnTheSubnetsOwnTableElseTheMainOne()
    {
        Ec2RouteTable main = new("rtb-main", "vpc-1", [new(null, true)], [new("10.0.0.0/16", "local", "active")], new Dictionary<string, string>());
        Ec2RouteTable routed = new("rtb-public", "vpc-1", [new("subnet-public", false)], [new("10.0.0.0/16", "local", "active"), new("0.0.0.0/0", "igw-1", "active")], new Dictionary<string, string>());
        Ec2RouteTable peered = new("rtb-peered", "vpc-1", [new("subnet-peered", false)], [new("0.0.0.0/0", "pcx-1", "active")], new Dictionary<string, string>());

        SubnetPicker.Public(["subnet-public", "subnet-private", "subnet-peered"], [main, routed, peered]).Should().BeEquivalentTo(["subnet-public"]);
        SubnetPicker.Public(["subnet-any"], [main with { Routes = [new("0.0.0.0/0", "igw-main", "active")] }]).Should().BeEquivalentTo(["subnet-any"], "without a table of its own a subnet uses the main one");
    }
}

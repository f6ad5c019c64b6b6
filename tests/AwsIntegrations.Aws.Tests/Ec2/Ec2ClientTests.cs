namespace AwsIntegrations.Aws.Tests.Ec2;

public sealed class Ec2ClientTests : IAsyncLifetime
{
    private TestAws _aws = null!;
    private Ec2Client _ec2 = null!;

    public async Task InitializeAsync()
    {
        _aws = await TestAws.StartAsync();
        _ec2 = new Ec2Client(_aws.Transport);
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task DescribeSubnets_ClusterAndElbRoleTags_FindTheSandboxSubnets()
    {
        var subnets = await _ec2.DescribeSubnetsAsync([Ec2Filter.Tag("kubernetes.io/cluster/sandbox", "owned", "shared"), Ec2Filter.TagKey("kubernetes.io/role/elb")]);

        subnets.Select(s => (s.SubnetId, s.AvailabilityZone)).Should().Equal(("subnet-0a1b2c3d4e5f60001", "eu-central-1a"), ("subnet-0a1b2c3d4e5f60002", "eu-central-1b"));
        subnets[0].VpcId.Should().Be("vpc-0a1b2c3d4e5f60001");
        subnets[0].CidrBlock.Should().Be("10.0.1.0/24");
        subnets[0].State.Should().Be("available");
        subnets[0].Tags["kubernetes.io/role/elb"].Should().Be("1");
        _aws.Calls.All.Single().RequestBody.Should().Contain("Filter.1.Name=tag%3Akubernetes.io%2Fcluster%2Fsandbox").And.Contain("Filter.1.Value.2=shared");
    }

    [Fact]
    public async Task DescribeSubnets_ByIdAndWildcard()
    {
        (await _ec2.DescribeSubnetsAsync(subnetIds: ["subnet-0a1b2c3d4e5f60002"])).Single().AvailabilityZone.Should().Be("eu-central-1b");
        (await _ec2.DescribeSubnetsAsync([Ec2Filter.Of("availability-zone", "eu-central-1*")])).Should().HaveCount(2);
        (await _ec2.DescribeSubnetsAsync([Ec2Filter.Tag("Name", "sandbox-?")])).Should().HaveCount(2);
        (await _ec2.DescribeSubnetsAsync([Ec2Filter.Tag("Name", "nothing")])).Should().BeEmpty();
    }

    [Fact]
    public async Task DescribeSubnets_UnknownId_IsNotFoundAndUnknownFilterIsInvalid()
    {
        var missing = () => _ec2.DescribeSubnetsAsync(subnetIds: ["subnet-nope"]);
        var badFilter = () => _ec2.DescribeSubnetsAsync([Ec2Filter.Of("no-such-filter", "x")]);

        var error = (await missing.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("InvalidSubnetID.NotFound");
        error.RequestId.Should().NotBeNullOrEmpty("EC2 puts it in <RequestID>");
        (await badFilter.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidParameterValue");
    }

    [Fact]
    public async Task DescribeSecurityGroups_ByTag()
    {
        var groups = await _ec2.DescribeSecurityGroupsAsync([Ec2Filter.Tag("kubernetes:application", "kube-ingress-aws-controller"), Ec2Filter.Of("vpc-id", "vpc-0a1b2c3d4e5f60001")]);

        groups.Single().GroupId.Should().Be("sg-0a1b2c3d4e5f60001");
        groups.Single().GroupName.Should().Be("sandbox-ingress");
        (await _ec2.DescribeSecurityGroupsAsync(groupIds: ["sg-0a1b2c3d4e5f60001"])).Should().HaveCount(1);
    }

    [Fact]
    public async Task DescribeInstances_RunningClusterNodes_AcrossPages()
    {
        var paged = new Ec2Client(_aws.Transport) { PageSize = 5 };
        _aws.State.DefaultPageSize = 2;
        lock (_aws.State.Gate)
        {
            _aws.State.Instances[2].State = "stopped";
        }

        var running = await _ec2.DescribeInstancesAsync([Ec2Filter.Tag("kubernetes.io/cluster/sandbox", "owned"), Ec2Filter.Of("instance-state-name", "running")]);
        var all = await paged.DescribeInstancesAsync();

        running.Select(i => i.InstanceId).Should().Equal("i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002");
        running[0].PrivateIpAddress.Should().Be("10.0.1.10");
        running[0].PrivateDnsName.Should().Be("ip-10-0-1-10.eu-central-1.compute.internal");
        running[0].AvailabilityZone.Should().Be("eu-central-1a");
        running[0].SecurityGroupIds.Should().Equal("sg-0a1b2c3d4e5f60001");
        running[0].IamInstanceProfileArn.Should().EndWith("instance-profile/sandbox-node");
        running[0].LaunchTime.Should().NotBeNull();
        all.Should().HaveCount(3);
        all[2].State.Should().Be("stopped");
    }

    [Fact]
    public async Task DescribeInstances_IdsWithMaxResults_IsRejectedByEc2ButOurClientDoesNotSendBoth()
    {
        var paged = new Ec2Client(_aws.Transport) { PageSize = 5 };

        var byId = await paged.DescribeInstancesAsync(instanceIds: ["i-0a1b2c3d4e5f60003"]);
        var missing = () => paged.DescribeInstancesAsync(instanceIds: ["i-0000000000000000f"]);

        byId.Single().InstanceId.Should().Be("i-0a1b2c3d4e5f60003");
        (await missing.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidInstanceID.NotFound");
    }

    [Fact]
    public async Task DescribeVpcsAndRouteTables_ShowPublicSubnetsByTheirInternetRoute()
    {
        var vpc = (await _ec2.DescribeVpcsAsync([Ec2Filter.Tag("kubernetes.io/cluster/sandbox", "owned")])).Single();
        var tables = await _ec2.DescribeRouteTablesAsync([Ec2Filter.Of("vpc-id", vpc.VpcId)]);
        var forSubnet = await _ec2.DescribeRouteTablesAsync([Ec2Filter.Of("association.subnet-id", "subnet-0a1b2c3d4e5f60001")]);

        vpc.CidrBlock.Should().Be("10.0.0.0/16");
        vpc.State.Should().Be("available");
        tables.Should().HaveCount(2);
        tables.Single(t => t.Associations.Any(a => a.Main)).Routes.Should().ContainSingle(r => r.GatewayId == "local");
        forSubnet.Single().Routes.Should().Contain(r => r.DestinationCidrBlock == "0.0.0.0/0" && r.GatewayId!.StartsWith("igw-"));
    }

    [Fact]
    public async Task RequestLimitExceeded_IsRetried()
    {
        _aws.Emulator.Faults.FailNext("ec2", "DescribeVpcs", 1, "RequestLimitExceeded", 503);

        await _ec2.DescribeVpcsAsync();

        _aws.Calls.Of("ec2", "DescribeVpcs").Select(c => c.Result).Should().Equal("RequestLimitExceeded", "Success");
    }
}

using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests.ElbV2;

public sealed class ElbV2ClientTests : IAsyncLifetime
{
    private const string VpcId = "vpc-0a1b2c3d4e5f60001";
    private static readonly string[] Subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"];
    private TestAws _aws = null!;
    private ElbV2Client _elb = null!;

    public async Task InitializeAsync()
    {
        _aws = await TestAws.StartAsync();
        _elb = new ElbV2Client(_aws.Transport);
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private Task<LoadBalancerDescription> CreateAlbAsync(string name = "web", string scheme = "internet-facing") =>
        _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest(name, Subnets)
        {
            Scheme = scheme,
            Tags = new Dictionary<string, string> { ["kubernetes.io/cluster/sandbox"] = "owned", ["aws-integrations/managed-by"] = "ingress" },
        });

    private string ImportCertificate(string domain)
    {
        var arn = $"arn:aws:acm:eu-central-1:123456789012:certificate/{Guid.NewGuid()}";
        lock (_aws.State.Gate)
        {
            _aws.State.Certificates.Add(new Certificate { Arn = arn, DomainName = domain, CreatedAt = DateTimeOffset.UtcNow, NotAfter = DateTimeOffset.UtcNow.AddDays(30) });
        }

        return arn;
    }

    [Fact]
    public async Task CreateLoadBalancer_Alb_HasAwsDnsNameAndCanonicalZoneOfTheRegion()
    {
        var lb = await CreateAlbAsync();
        var internalLb = await CreateAlbAsync("private", "internal");
        var nlb = await _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("tcp", Subnets) { Type = "network" });

        lb.DnsName.Should().MatchRegex(@"^web-\d{10}\.eu-central-1\.elb\.amazonaws\.com$");
        lb.CanonicalHostedZoneId.Should().Be("Z215JYRZR1TBD5");
        lb.Arn.Should().StartWith("arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/web/");
        lb.State.Should().Be("active");
        lb.VpcId.Should().Be(VpcId);
        lb.AvailabilityZones.Select(z => z.ZoneName).Should().BeEquivalentTo(["eu-central-1a", "eu-central-1b"]);
        lb.SecurityGroups.Should().Equal("sg-0a1b2c3d4e5f60001");
        internalLb.DnsName.Should().StartWith("internal-private-");
        nlb.DnsName.Should().MatchRegex(@"^tcp-[0-9a-f]{16}\.elb\.eu-central-1\.amazonaws\.com$");
        nlb.CanonicalHostedZoneId.Should().Be("Z3F0SRJ5LGBH90");
    }

    [Fact]
    public async Task DescribeLoadBalancers_ManyPages_ReturnsEveryLoadBalancer()
    {
        _aws.State.DefaultPageSize = 2;
        for (var i = 0; i < 5; i++)
        {
            await CreateAlbAsync($"lb-{i}");
        }

        var all = await _elb.DescribeLoadBalancersAsync();
        var byName = await _elb.DescribeLoadBalancersAsync(names: ["lb-3"]);

        all.Select(l => l.Name).Should().Equal("lb-0", "lb-1", "lb-2", "lb-3", "lb-4");
        _aws.Calls.Count("elbv2", "DescribeLoadBalancers").Should().Be(3 + 1, "three pages of two, then one by name");
        byName.Single().Name.Should().Be("lb-3");
    }

    [Fact]
    public async Task DescribeLoadBalancers_UnknownArn_IsTypedNotFound()
    {
        var act = () => _elb.DescribeLoadBalancersAsync(["arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/nope/1"]);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("LoadBalancerNotFound");
        error.Attempts.Should().Be(1, "not found is not retried");
    }

    [Fact]
    public async Task CreateLoadBalancer_BadInput_IsRejectedWithAwsCodes()
    {
        (await ((Func<Task>)(() => _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("one-zone", [Subnets[0]])))).Should().ThrowAsync<AwsServiceException>())
            .Which.Code.Should().Be("InvalidConfigurationRequest");
        (await ((Func<Task>)(() => _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("-bad-", Subnets)))).Should().ThrowAsync<AwsServiceException>())
            .Which.Code.Should().Be("ValidationError");
        (await ((Func<Task>)(() => _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("x", ["subnet-nope", Subnets[0]])))).Should().ThrowAsync<AwsServiceException>())
            .Which.Code.Should().Be("SubnetNotFound");
        (await ((Func<Task>)(() => _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("x", Subnets) { SecurityGroups = ["sg-nope"] }))).Should().ThrowAsync<AwsServiceException>())
            .Which.Code.Should().Be("InvalidSecurityGroup");
        _aws.State.LoadBalancers.Should().BeEmpty("nothing is created by a rejected call");
    }

    [Fact]
    public async Task Attributes_DeletionProtection_BlocksDeleteUntilTurnedOff()
    {
        var lb = await CreateAlbAsync();

        var modified = await _elb.ModifyLoadBalancerAttributesAsync(lb.Arn, new Dictionary<string, string> { ["deletion_protection.enabled"] = "true", ["idle_timeout.timeout_seconds"] = "120" });
        var blocked = () => _elb.DeleteLoadBalancerAsync(lb.Arn);

        modified["idle_timeout.timeout_seconds"].Should().Be("120");
        (await _elb.DescribeLoadBalancerAttributesAsync(lb.Arn))["deletion_protection.enabled"].Should().Be("true");
        (await blocked.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("OperationNotPermitted");
        await _elb.ModifyLoadBalancerAttributesAsync(lb.Arn, new Dictionary<string, string> { ["deletion_protection.enabled"] = "false" });
        await _elb.DeleteLoadBalancerAsync(lb.Arn);
        await _elb.DeleteLoadBalancerAsync(lb.Arn); // idempotent, as in AWS
        (await _elb.DescribeLoadBalancersAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ModifyAttributes_UnknownKey_IsInvalidConfigurationRequest()
    {
        var lb = await CreateAlbAsync();

        var act = () => _elb.ModifyLoadBalancerAttributesAsync(lb.Arn, new Dictionary<string, string> { ["no.such.key"] = "1" });

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidConfigurationRequest");
    }

    [Fact]
    public async Task SetSecurityGroupsAndSubnets_ChangeTheLoadBalancer()
    {
        var lb = await CreateAlbAsync();

        var groups = await _elb.SetSecurityGroupsAsync(lb.Arn, ["sg-0a1b2c3d4e5f60001"]);
        var zones = await _elb.SetSubnetsAsync(lb.Arn, [Subnets[1], Subnets[0]]);

        groups.Should().Equal("sg-0a1b2c3d4e5f60001");
        zones.Select(z => z.SubnetId).Should().Equal(Subnets[1], Subnets[0]);
    }

    [Fact]
    public async Task TargetGroups_CreateRegisterHealthDeregisterDelete()
    {
        var lb = await CreateAlbAsync();
        var tg = await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("skipper", "HTTP", 9999, VpcId)
        {
            HealthCheck = new TargetGroupHealthCheck { Path = "/kube-system/healthz", IntervalSeconds = 10, SuccessCodes = "200-399" },
            Tags = new Dictionary<string, string> { ["aws-integrations/managed-by"] = "ingress" },
        });
        await _elb.RegisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60001"), new TargetDescription("i-0a1b2c3d4e5f60002")]);

        var unused = await _elb.DescribeTargetHealthAsync(tg.Arn);
        await _elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTP", 80, [ListenerActionSpec.Forward(tg.Arn)]));
        var healthy = await _elb.DescribeTargetHealthAsync(tg.Arn);
        var modified = await _elb.ModifyTargetGroupAsync(tg.Arn, new TargetGroupHealthCheck { Path = "/healthz", HealthyThresholdCount = 2 });
        await _elb.DeregisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60002")]);
        var afterDeregister = await _elb.DescribeTargetHealthAsync(tg.Arn);

        tg.HealthCheck.Path.Should().Be("/kube-system/healthz");
        tg.HealthCheck.SuccessCodes.Should().Be("200-399");
        tg.HealthCheck.IntervalSeconds.Should().Be(10);
        unused.Should().OnlyContain(h => h.State == "unused" && h.Reason == "Target.NotInUse");
        healthy.Select(h => (h.Target.Id, h.Target.Port, h.State)).Should().BeEquivalentTo([("i-0a1b2c3d4e5f60001", (int?)9999, "healthy"), ("i-0a1b2c3d4e5f60002", (int?)9999, "healthy")]);
        modified.HealthCheck.Path.Should().Be("/healthz");
        modified.HealthCheck.HealthyThresholdCount.Should().Be(2);
        modified.LoadBalancerArns.Should().Equal(lb.Arn);
        afterDeregister.Select(h => h.Target.Id).Should().Equal("i-0a1b2c3d4e5f60001");
        (await _elb.DescribeTargetGroupsAsync(loadBalancerArn: lb.Arn)).Single().Arn.Should().Be(tg.Arn);
        (await _elb.DescribeTargetGroupsAsync(names: ["skipper"])).Single().Port.Should().Be(9999);
        var inUse = () => _elb.DeleteTargetGroupAsync(tg.Arn);
        (await inUse.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("ResourceInUse");
    }

    [Fact]
    public async Task TargetGroupAttributes_DefaultDeregistrationDelayIs300_AndAModifyChangesOnlyTheKeyGiven()
    {
        var tg = await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("tg", "HTTP", 9999, VpcId));

        var defaults = await _elb.DescribeTargetGroupAttributesAsync(tg.Arn);
        var modified = await _elb.ModifyTargetGroupAttributesAsync(tg.Arn, new Dictionary<string, string> { ["deregistration_delay.timeout_seconds"] = "30" });
        var read = await _elb.DescribeTargetGroupAttributesAsync(tg.Arn);

        defaults.Should().Contain("deregistration_delay.timeout_seconds", "300").And.Contain("stickiness.enabled", "false");
        modified.Should().Contain("deregistration_delay.timeout_seconds", "30");
        read.Should().BeEquivalentTo(defaults.ToDictionary(a => a.Key, a => a.Key == "deregistration_delay.timeout_seconds" ? "30" : a.Value));
    }

    [Theory]
    [InlineData("deregistration_delay.timeout_seconds", "3601")]
    [InlineData("deregistration_delay.timeout_seconds", "-1")]
    [InlineData("deregistration_delay.timeout_seconds", "5m")]
    [InlineData("no.such.attribute", "1")]
    public async Task ModifyTargetGroupAttributes_UnknownKeyOrValueOutOfRange_IsValidationErrorAndChangesNothing(string key, string value)
    {
        var tg = await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("tg", "HTTP", 9999, VpcId));

        var act = () => _elb.ModifyTargetGroupAttributesAsync(tg.Arn, new Dictionary<string, string> { ["slow_start.duration_seconds"] = "30", [key] = value });

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("ValidationError");
        error.Message.Should().Contain(key);
        (await _elb.DescribeTargetGroupAttributesAsync(tg.Arn)).Should().Contain("slow_start.duration_seconds", "0").And.Contain("deregistration_delay.timeout_seconds", "300");
    }

    [Fact]
    public async Task TargetGroupAttributes_UnknownTargetGroup_IsTargetGroupNotFound()
    {
        var act = () => _elb.DescribeTargetGroupAttributesAsync("arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/none/0123456789abcdef");

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("TargetGroupNotFound");
    }

    [Fact]
    public async Task RegisterTargets_UnknownInstance_IsInvalidTarget()
    {
        var tg = await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("tg", "HTTP", 80, VpcId));

        var act = () => _elb.RegisterTargetsAsync(tg.Arn, [new TargetDescription("i-doesnotexist")]);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidTarget");
    }

    [Fact]
    public async Task DescribeTargetHealth_ForcedUnhealthyTarget_IsReportedWithReason()
    {
        var lb = await CreateAlbAsync();
        var tg = await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("tg", "HTTP", 80, VpcId));
        await _elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTP", 80, [ListenerActionSpec.Forward(tg.Arn)]));
        await _elb.RegisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60003", 8080)]);
        lock (_aws.State.Gate)
        {
            _aws.State.TargetGroups.Single().Targets.Single().HealthOverride = "unhealthy";
        }

        var health = await _elb.DescribeTargetHealthAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60003", 8080), new TargetDescription("i-0a1b2c3d4e5f60001")]);

        health[0].State.Should().Be("unhealthy");
        health[0].Reason.Should().Be("Target.FailedHealthChecks");
        health[1].Reason.Should().Be("Target.NotRegistered");
    }

    [Fact]
    public async Task Listeners_HttpsWithCertificates_UpToTwentyFiveExtra()
    {
        var lb = await CreateAlbAsync();
        var tg = await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("tg", "HTTP", 80, VpcId));
        var defaultCert = ImportCertificate("example.org");
        var extra = Enumerable.Range(0, 26).Select(i => ImportCertificate($"app{i}.example.org")).ToList();

        var https = await _elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTPS", 443, [ListenerActionSpec.Forward(tg.Arn)]) { DefaultCertificateArn = defaultCert });
        await _elb.AddListenerCertificatesAsync(https.Arn, extra.Take(25).ToList());
        var tooMany = () => _elb.AddListenerCertificatesAsync(https.Arn, [extra[25]]);
        _aws.State.DefaultPageSize = 10;
        var certificates = await _elb.DescribeListenerCertificatesAsync(https.Arn);

        https.SslPolicy.Should().Be("ELBSecurityPolicy-2016-08");
        https.Certificates.Should().Equal(new ListenerCertificate(defaultCert, false));
        (await tooMany.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("TooManyCertificates");
        certificates.Should().HaveCount(26);
        certificates.Single(c => c.IsDefault).CertificateArn.Should().Be(defaultCert);
        _aws.Calls.Count("elbv2", "DescribeListenerCertificates").Should().Be(3, "26 certificates in pages of 10");

        await _elb.RemoveListenerCertificatesAsync(https.Arn, extra.Take(5).ToList());
        (await _elb.DescribeListenerCertificatesAsync(https.Arn)).Should().HaveCount(21);
        var removeDefault = () => _elb.RemoveListenerCertificatesAsync(https.Arn, [defaultCert]);
        (await removeDefault.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("OperationNotPermitted");
    }

    [Fact]
    public async Task Listeners_RedirectAndFixedResponse_ModifyAndDelete()
    {
        var lb = await CreateAlbAsync();
        var cert = ImportCertificate("example.org");
        var http = await _elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTP", 80,
            [new ListenerActionSpec("redirect") { Redirect = new RedirectActionSpec("HTTP_301") { Protocol = "HTTPS", Port = "443" } }]));
        var https = await _elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTPS", 443,
            [new ListenerActionSpec("fixed-response") { FixedResponse = new FixedResponseActionSpec("404") { ContentType = "text/plain", MessageBody = "no route" } }])
        { DefaultCertificateArn = cert, SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06" });
        var duplicate = () => _elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTP", 80, [new ListenerActionSpec("fixed-response") { FixedResponse = new FixedResponseActionSpec("404") }]));
        var noCert = () => _elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTPS", 8443, [new ListenerActionSpec("fixed-response") { FixedResponse = new FixedResponseActionSpec("404") }]));

        var modified = await _elb.ModifyListenerAsync(new ModifyListenerRequest(https.Arn) { SslPolicy = "ELBSecurityPolicy-2016-08" });
        var listed = await _elb.DescribeListenersAsync(lb.Arn);

        http.DefaultActions.Single().Redirect!.Protocol.Should().Be("HTTPS");
        http.DefaultActions.Single().Redirect!.StatusCode.Should().Be("HTTP_301");
        https.DefaultActions.Single().FixedResponse!.MessageBody.Should().Be("no route");
        modified.SslPolicy.Should().Be("ELBSecurityPolicy-2016-08");
        listed.Select(l => l.Port).Should().BeEquivalentTo([80, 443]);
        (await duplicate.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("DuplicateListener");
        (await noCert.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("ValidationError");
        await _elb.DeleteListenerAsync(http.Arn);
        (await _elb.DescribeListenersAsync(listenerArns: [https.Arn])).Single().Port.Should().Be(443);
        var gone = () => _elb.DescribeListenersAsync(listenerArns: [http.Arn]);
        (await gone.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("ListenerNotFound");
    }

    [Fact]
    public async Task Tags_AddDescribeRemove_AcrossMoreThanTwentyResources()
    {
        var arns = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            arns.Add((await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest($"tg-{i}", "HTTP", 80, VpcId))).Arn);
        }

        await _elb.AddTagsAsync(arns.Take(2).ToList(), new Dictionary<string, string> { ["team"] = "web", ["tmp"] = "1" });
        await _elb.RemoveTagsAsync(arns.Take(1).ToList(), ["tmp"]);
        var tags = await _elb.DescribeTagsAsync(arns);

        tags.Should().HaveCount(23);
        tags[arns[0]].Should().Equal(new Dictionary<string, string> { ["team"] = "web" });
        tags[arns[1]].Should().Equal(new Dictionary<string, string> { ["team"] = "web", ["tmp"] = "1" });
        tags[arns[22]].Should().BeEmpty();
        _aws.Calls.Count("elbv2", "DescribeTags").Should().Be(2, "ELBv2 takes at most 20 ARNs per DescribeTags");
    }

    [Fact]
    public async Task DescribeTags_UnknownResource_IsTypedNotFound()
    {
        var act = () => _elb.DescribeTagsAsync(["arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/x/1"]);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("TargetGroupNotFound");
    }

    [Fact]
    public async Task CreateLoadBalancer_SameNameSameSettings_IsIdempotent()
    {
        var first = await CreateAlbAsync();
        var second = await CreateAlbAsync();

        second.Arn.Should().Be(first.Arn);
        var different = () => _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", Subnets) { Type = "network" });
        (await different.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("DuplicateLoadBalancerName");
    }

    [Fact]
    public async Task CreateLoadBalancer_Provisioning_BecomesActiveLater()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await TestAws.StartAsync(emulatorTime: time);
        aws.State.Behavior.LoadBalancerProvisioning = TimeSpan.FromMinutes(3);
        var elb = new ElbV2Client(aws.Transport);

        var created = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("slow", Subnets));
        time.Advance(TimeSpan.FromMinutes(3));
        var later = (await elb.DescribeLoadBalancersAsync([created.Arn])).Single();

        created.State.Should().Be("provisioning");
        later.State.Should().Be("active");
    }
}

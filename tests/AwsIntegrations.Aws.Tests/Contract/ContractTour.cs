using AwsIntegrations.Aws.Tests.Acm;
using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests.Contract;

/// <summary>Runs every operation of our clients (and a few failing calls) against the emulator, recording what our parsers read.</summary>
internal static class ContractTour
{
    public static readonly IReadOnlyDictionary<string, string[]> Operations = new Dictionary<string, string[]>
    {
        ["elbv2"] =
        [
            "DescribeLoadBalancers", "CreateLoadBalancer", "DeleteLoadBalancer", "DescribeLoadBalancerAttributes", "ModifyLoadBalancerAttributes",
            "SetSecurityGroups", "SetSubnets", "DescribeTargetGroups", "CreateTargetGroup", "ModifyTargetGroup", "DeleteTargetGroup",
            "DescribeTargetGroupAttributes", "ModifyTargetGroupAttributes",
            "RegisterTargets", "DeregisterTargets", "DescribeTargetHealth", "DescribeListeners", "CreateListener", "ModifyListener",
            "DeleteListener", "DescribeListenerCertificates", "AddListenerCertificates", "RemoveListenerCertificates",
            "DescribeTags", "AddTags", "RemoveTags",
        ],
        ["route53"] = ["ListHostedZones", "GetHostedZone", "CreateHostedZone", "DeleteHostedZone", "ListResourceRecordSets", "ChangeResourceRecordSets", "GetChange"],
        ["acm"] = ["ListCertificates", "DescribeCertificate", "ImportCertificate", "ListTagsForCertificate"],
        ["ec2"] = ["DescribeSubnets", "DescribeSecurityGroups", "DescribeInstances", "DescribeVpcs", "DescribeRouteTables"],
        ["sts"] = ["AssumeRole", "GetCallerIdentity"],
        ["wafv2"] = ["AssociateWebACL", "DisassociateWebACL", "GetWebACLForResource"],
    };

    public static async Task<Dictionary<string, HashSet<string>>> RunAsync(TestAws aws)
    {
        var reads = new Dictionary<string, HashSet<string>>();
        aws.State.DefaultPageSize = 1;
        var elb = new ElbV2Client(aws.Transport);
        var route53 = new Route53Client(aws.Transport);
        var acm = new AcmClient(aws.Transport);
        var ec2 = new Ec2Client(aws.Transport);

        reads["acm"] = WireReads.Start();
        var pem = TestCertificates.Rsa("example.org", alternativeNames: ["*.example.org"]);
        var cert = await acm.ImportCertificateAsync(new ImportCertificateRequest(pem.Certificate, pem.PrivateKey) { Tags = new Dictionary<string, string> { ["a"] = "b" } });
        var pem2 = TestCertificates.Rsa("other.example.org");
        var cert2 = await acm.ImportCertificateAsync(new ImportCertificateRequest(pem2.Certificate, pem2.PrivateKey));
        await acm.ListCertificatesAsync(["ISSUED"]);
        await acm.DescribeCertificateAsync(cert);
        await acm.ListTagsForCertificateAsync(cert);
        await Swallow(() => acm.DescribeCertificateAsync(cert.Replace("certificate/", "certificate/0", StringComparison.Ordinal)));

        reads["elbv2"] = WireReads.Start();
        string[] subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"];
        var lb = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", subnets) { Tags = new Dictionary<string, string> { ["k"] = "v" }, SecurityGroups = ["sg-0a1b2c3d4e5f60001"] });
        await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web2", subnets) { Scheme = "internal" });
        await elb.DescribeLoadBalancersAsync();
        await elb.DescribeLoadBalancersAsync([lb.Arn]);
        await elb.ModifyLoadBalancerAttributesAsync(lb.Arn, new Dictionary<string, string> { ["idle_timeout.timeout_seconds"] = "90" });
        await elb.DescribeLoadBalancerAttributesAsync(lb.Arn);
        await elb.SetSecurityGroupsAsync(lb.Arn, ["sg-0a1b2c3d4e5f60001"]);
        await elb.SetSubnetsAsync(lb.Arn, subnets);
        var tg = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("tg", "HTTP", 9999, "vpc-0a1b2c3d4e5f60001")
        {
            HealthCheck = new TargetGroupHealthCheck { Path = "/healthz", Protocol = "HTTP", Port = "9999", Enabled = true, IntervalSeconds = 10, TimeoutSeconds = 5, HealthyThresholdCount = 2, UnhealthyThresholdCount = 2, SuccessCodes = "200" },
            Tags = new Dictionary<string, string> { ["k"] = "v" },
        });
        await elb.ModifyTargetGroupAsync(tg.Arn, new TargetGroupHealthCheck { Path = "/ready" });
        await elb.ModifyTargetGroupAttributesAsync(tg.Arn, new Dictionary<string, string> { ["deregistration_delay.timeout_seconds"] = "30" });
        await elb.DescribeTargetGroupAttributesAsync(tg.Arn);
        await Swallow(() => elb.ModifyTargetGroupAttributesAsync(tg.Arn, new Dictionary<string, string> { ["no.such.key"] = "1" }));
        await elb.RegisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60001", 9999), new TargetDescription("i-0a1b2c3d4e5f60002")]);
        var http = await elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTP", 80, [new ListenerActionSpec("redirect") { Redirect = new RedirectActionSpec("HTTP_301") { Protocol = "HTTPS", Port = "443", Host = "#{host}", Path = "/#{path}", Query = "#{query}" } }]) { Tags = new Dictionary<string, string> { ["k"] = "v" } });
        var https = await elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTPS", 443, [ListenerActionSpec.Forward(tg.Arn) with { Order = 1 }]) { DefaultCertificateArn = cert, SslPolicy = "ELBSecurityPolicy-2016-08" });
        await elb.ModifyListenerAsync(new ModifyListenerRequest(http.Arn) { DefaultActions = [new ListenerActionSpec("fixed-response") { FixedResponse = new FixedResponseActionSpec("404") { ContentType = "text/plain", MessageBody = "nothing here" } }] });
        await elb.ModifyListenerAsync(new ModifyListenerRequest(https.Arn) { DefaultCertificateArn = cert, Port = 443, Protocol = "HTTPS", SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06" });
        await Swallow(() => elb.ModifyListenerAsync(new ModifyListenerRequest(https.Arn) { SslPolicy = "ELBSecurityPolicy-Custom" }));
        await elb.AddListenerCertificatesAsync(https.Arn, [cert2]);
        await elb.DescribeListenerCertificatesAsync(https.Arn);
        await elb.RemoveListenerCertificatesAsync(https.Arn, [cert2]);
        await elb.DescribeListenersAsync(lb.Arn);
        await elb.DescribeListenersAsync(listenerArns: [https.Arn]);
        await elb.DescribeTargetGroupsAsync();
        await elb.DescribeTargetGroupsAsync(loadBalancerArn: lb.Arn);
        await elb.DescribeTargetHealthAsync(tg.Arn);
        await elb.DescribeTargetHealthAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60003")]);
        await elb.DeregisterTargetsAsync(tg.Arn, [new TargetDescription("i-0a1b2c3d4e5f60002")]);
        await elb.AddTagsAsync([lb.Arn, tg.Arn], new Dictionary<string, string> { ["team"] = "web" });
        await elb.DescribeTagsAsync([lb.Arn, tg.Arn, http.Arn]);
        await elb.RemoveTagsAsync([lb.Arn], ["team"]);
        await Swallow(() => elb.DescribeLoadBalancersAsync(names: ["missing"]));
        await Swallow(() => elb.CreateListenerAsync(new CreateListenerRequest(lb.Arn, "HTTP", 80, [ListenerActionSpec.Forward(tg.Arn)])));
        await Swallow(() => elb.DeleteTargetGroupAsync(tg.Arn));
        await elb.DeleteListenerAsync(http.Arn);
        await elb.DeleteListenerAsync(https.Arn);
        await elb.DeleteTargetGroupAsync(tg.Arn);
        await elb.DeleteLoadBalancerAsync(lb.Arn);

        var lb2 = (await elb.DescribeLoadBalancersAsync(names: ["web2"])).Single();
        var waf = new Wafv2Client(aws.Transport);
        string acl;
        lock (aws.State.Gate)
        {
            acl = aws.State.AddWebAcl("tour").Arn;
        }

        await waf.GetWebAclForResourceAsync(lb2.Arn);
        await waf.AssociateWebAclAsync(acl, lb2.Arn);
        await waf.GetWebAclForResourceAsync(lb2.Arn);
        await waf.DisassociateWebAclAsync(lb2.Arn);
        await Swallow(() => waf.AssociateWebAclAsync(acl.Replace("/tour/", "/other/", StringComparison.Ordinal), lb2.Arn));
        await Swallow(() => waf.AssociateWebAclAsync("not-an-arn-but-long-enough", lb2.Arn));
        reads["route53"] = WireReads.Start();
        var zone = await route53.CreateHostedZoneAsync(new CreateHostedZoneRequest("example.org", "tour") { Comment = "tour" });
        var privateZone = await route53.CreateHostedZoneAsync(new CreateHostedZoneRequest("internal.example", "tour-private") { VpcId = "vpc-0a1b2c3d4e5f60001", VpcRegion = "eu-central-1" });
        await route53.GetHostedZoneAsync(zone.Zone.Id);
        await route53.GetHostedZoneAsync(privateZone.Zone.Id);
        await route53.ListHostedZonesAsync();
        var change = await route53.ChangeResourceRecordSetsAsync(zone.Zone.Id,
        [
            new("CREATE", new Route53RecordSet("www.example.org", "A") { Ttl = 60, Values = ["192.0.2.1"] }),
            new("CREATE", new Route53RecordSet("w.example.org", "A") { SetIdentifier = "one", Weight = 10, Ttl = 60, Values = ["192.0.2.2"] }),
            new("UPSERT", new Route53RecordSet("app.example.org", "A") { AliasTarget = new(lb2.CanonicalHostedZoneId, lb2.DnsName, false) }),
        ], "tour");
        await route53.GetChangeAsync(change.Id);
        await route53.ListResourceRecordSetsAsync(zone.Zone.Id);
        await Swallow(() => route53.ChangeResourceRecordSetsAsync(zone.Zone.Id, [new("CREATE", new Route53RecordSet("www.example.org", "A") { Ttl = 60, Values = ["192.0.2.1"] })]));
        await Swallow(() => route53.DeleteHostedZoneAsync(zone.Zone.Id));
        await Swallow(() => route53.GetHostedZoneAsync("ZNOPE"));
        await route53.DeleteHostedZoneAsync(privateZone.Zone.Id);

        reads["ec2"] = WireReads.Start();
        var paged = new Ec2Client(aws.Transport) { PageSize = 5 };
        await ec2.DescribeSubnetsAsync([Ec2Filter.Tag("kubernetes.io/cluster/sandbox", "owned"), Ec2Filter.TagKey("kubernetes.io/role/elb")]);
        await ec2.DescribeSubnetsAsync(subnetIds: ["subnet-0a1b2c3d4e5f60001"]);
        await paged.DescribeSecurityGroupsAsync([Ec2Filter.Of("vpc-id", "vpc-0a1b2c3d4e5f60001")]);
        await ec2.DescribeSecurityGroupsAsync(groupIds: ["sg-0a1b2c3d4e5f60001"]);
        await paged.DescribeInstancesAsync([Ec2Filter.Of("instance-state-name", "running")]);
        await ec2.DescribeInstancesAsync(instanceIds: ["i-0a1b2c3d4e5f60001"]);
        await ec2.DescribeVpcsAsync(vpcIds: ["vpc-0a1b2c3d4e5f60001"]);
        await paged.DescribeRouteTablesAsync([Ec2Filter.Of("vpc-id", "vpc-0a1b2c3d4e5f60001")]);
        await ec2.DescribeRouteTablesAsync(routeTableIds: [aws.State.RouteTables[0].Id]);
        await Swallow(() => ec2.DescribeSubnetsAsync(subnetIds: ["subnet-nope"]));

        WireReads.Stop();
        using var sts = new StsClient(new StaticCredentialsProvider(AwsEmulator.DefaultCredentials), aws.Endpoints, aws.Options);
        await sts.AssumeRoleAsync(new AssumeRoleRequest("arn:aws:iam::123456789012:role/tour", "tour")
        {
            ExternalId = "x", Duration = TimeSpan.FromMinutes(15), SourceIdentity = "me",
            Tags = new Dictionary<string, string> { ["k"] = "v" }, TransitiveTagKeys = ["k"],
        }, CancellationToken.None);
        await sts.GetCallerIdentityAsync(CancellationToken.None);
        await Swallow(() => sts.AssumeRoleAsync(new AssumeRoleRequest("arn:aws:iam::999999999999:role/x", "tour"), CancellationToken.None));
        return reads;
    }

    private static async Task Swallow(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (AwsServiceException)
        {
            // expected: the tour also records error answers for the contract check
        }
    }
}

using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.IngressController.Tests.Integration;

namespace AwsIntegrations.IngressController.Tests.Compatibility;

/// <summary>
/// kube-ingress-aws-controller's own inputs (its testdata, README examples and flags, applied verbatim with kubectl) give
/// the AWS end state its code and CloudFormation template build: scheme, subnets, listeners, SSL policy, certificates,
/// sharing, target groups and status. Differences are intended and listed in the README ("Migrating from
/// kube-ingress-aws-controller"): direct ELBv2 calls instead of CloudFormation stacks, and our stronger default SSL policy.
/// Its Ingresses carry no class; like it without --ingress-class-filter, these controllers serve class-less Ingresses.
/// </summary>
public class KubeIngressAwsControllerTests
{
    private const string OurDefaultPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    private static readonly DateTimeOffset NextYear = DateTimeOffset.UtcNow.AddDays(365);
    private static readonly string[] TaggedSubnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"];

    // testdata/ingress_alb/input/k8s/ing.yaml, verbatim.
    private const string IngressAlb = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: myingress
        spec:
          rules:
          - host: foo.bar.org
            http:
              paths:
              - backend:
                  service:
                    name: foo-bar-service
                    port:
                      name: main-port
                path: /
                pathType: ImplementationSpecific
        """;

    // testdata/ingress_nlb/input/k8s/ing.yaml, verbatim.
    private const string IngressNlb = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: myingress
          annotations:
            zalando.org/aws-load-balancer-type: nlb
        spec:
          rules:
          - host: foo.bar.org
            http:
              paths:
              - backend:
                  service:
                    name: foo-bar-service
                    port:
                      name: main-port
                path: /
                pathType: ImplementationSpecific
        """;

    // testdata/ingress_nlb_dualstack_annotation/input/k8s/ing.yaml, verbatim.
    private const string IngressNlbDualstack = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: myingress
          annotations:
            zalando.org/aws-load-balancer-type: nlb
            alb.ingress.kubernetes.io/ip-address-type: dualstack
        spec:
          rules:
          - host: foo.bar.org
            http:
              paths:
              - backend:
                  service:
                    name: foo-bar-service
                    port:
                      name: main-port
                path: /
                pathType: ImplementationSpecific
        """;

    private static async Task<ControllerHarness> KubeIngressAwsControllerClusterAsync(Action<IngressControllerOptions>? configure = null, AwsSeed? seed = null)
    {
        var h = await ControllerHarness.StartAsync(o =>
        {
            o.IngressClassFilter = ""; // class-less Ingresses, as kube-ingress-aws-controller serves them without a filter
            configure?.Invoke(o);
        }, seed);
        h.Aws.State.Behavior.LoadBalancerProvisioning = TimeSpan.FromMinutes(2); // AWS takes minutes; SettleAsync follows the requeues
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        return h;
    }

    private static string Readme(string name, string annotations) => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {name}
          annotations:
        {annotations}
        spec:
          rules:
          - host: test-app.example.org
            http:
              paths:
              - backend:
                  service:
                    name: test-app-service
                    port:
                      name: main-port
                path: /
                pathType: ImplementationSpecific
        """;

    [Fact]
    public async Task TestdataIngressAlb_AnAlbWithHttpsAndHttpForwardingToOneTargetGroupOnTheRouterPort()
    {
        // testdata/ingress_alb/output/templates/ing.cf and params/ing.json; aws/adapter.go defaults (health check 9999,
        // /kube-system/healthz, 10s/5s, thresholds 5/2, idle timeout 1m).
        await using var h = await KubeIngressAwsControllerClusterAsync();
        var certificate = h.AddCertificate("foo", NextYear, "foo.bar.org");
        await h.ApplyWithKubectlAsync(IngressAlb, "myingress");

        await h.SettleAsync("myingress");

        var lb = h.LoadBalancers().Should().ContainSingle().Subject;
        (lb.Type, lb.Scheme, lb.IpAddressType).Should().Be(("application", "internet-facing", "ipv4"));
        lb.SubnetIds.Should().BeEquivalentTo(TaggedSubnets);
        lb.SecurityGroups.Should().Equal(new[] { "sg-0a1b2c3d4e5f60001" }, "the group tagged kubernetes:application=kube-ingress-aws-controller");
        lb.Attributes.Should().Contain("idle_timeout.timeout_seconds", "60").And.Contain("routing.http2.enabled", "true");
        var listeners = h.ListenersOf(lb.Arn);
        var https = listeners.Single(l => l.Port == 443);
        (https.Protocol, https.SslPolicy).Should().Be(("HTTPS", OurDefaultPolicy), "ours is stronger than its ELBSecurityPolicy-2016-08 (README)");
        https.Certificates.Should().Equal((certificate, true));
        var tg = h.TargetGroups().Should().ContainSingle().Subject;
        (tg.Protocol, tg.Port, tg.HealthCheckProtocol, tg.HealthCheckPath).Should().Be(("HTTP", 9999, "HTTP", "/kube-system/healthz"));
        (tg.HealthCheckIntervalSeconds, tg.HealthCheckTimeoutSeconds, tg.HealthyThresholdCount, tg.UnhealthyThresholdCount).Should().Be((10, 5, 5, 2));
        listeners.Single(l => l.Port == 80).Should().Match<Listener>(l => l.Protocol == "HTTP" && l.DefaultActions.Single().TargetGroupArn == tg.Arn);
        https.DefaultActions.Single().TargetGroupArn.Should().Be(tg.Arn);
        (await h.StatusHostnameAsync("myingress")).Should().Be(lb.DnsName.ToLowerInvariant(), "worker.go writes the lower-cased DNS name");
    }

    [Fact]
    public async Task TestdataIngressNlb_ANetworkLoadBalancerWithTlsAndATcpTargetGroup()
    {
        // testdata/ingress_nlb/output/templates/ing.cf: Type network, no security group, TLS:443 with the certificate and the
        // SSL policy, a TCP target group health checked over HTTP with equal thresholds (aws/cf_template.go newTargetGroup,
        // --nlb-healthy-threshold-count 3), no port 80 without --nlb-http-enabled, cross-zone off, any-zone DNS.
        await using var h = await KubeIngressAwsControllerClusterAsync();
        var certificate = h.AddCertificate("foo", NextYear, "foo.bar.org");
        await h.ApplyWithKubectlAsync(IngressNlb, "myingress");

        await h.SettleAsync("myingress");

        var nlb = h.LoadBalancers().Should().ContainSingle().Subject;
        (nlb.Type, nlb.Scheme).Should().Be(("network", "internet-facing"));
        nlb.SecurityGroups.Should().BeEmpty();
        nlb.Attributes.Should().Contain("load_balancing.cross_zone.enabled", "false").And.Contain("dns_record.client_routing_policy", "any_availability_zone");
        var tls = h.ListenersOf(nlb.Arn).Should().ContainSingle().Subject;
        (tls.Protocol, tls.Port, tls.SslPolicy).Should().Be(("TLS", 443, OurDefaultPolicy));
        tls.Certificates.Should().Equal((certificate, true));
        var tg = h.TargetGroups().Should().ContainSingle().Subject;
        (tg.Protocol, tg.Port, tg.HealthCheckProtocol, tg.HealthCheckPath).Should().Be(("TCP", 9999, "HTTP", "/kube-system/healthz"));
        (tg.HealthyThresholdCount, tg.UnhealthyThresholdCount).Should().Be((3, 3));
        tls.DefaultActions.Single().TargetGroupArn.Should().Be(tg.Arn);
        tg.Targets.Select(t => t.Id).Should().Equal(ControllerHarness.Instances[0]);
        (await h.StatusHostnameAsync("myingress")).Should().Be(nlb.DnsName.ToLowerInvariant());
    }

    [Fact]
    public async Task TestdataIngressNlbDualstackAnnotation_ADualstackNlb()
    {
        // testdata/ingress_nlb_dualstack_annotation/output/params/ing.json: IpAddressType dualstack, Type network.
        await using var h = await KubeIngressAwsControllerClusterAsync();
        h.AddCertificate("foo", NextYear, "foo.bar.org");
        await h.ApplyWithKubectlAsync(IngressNlbDualstack, "myingress");

        await h.SettleAsync("myingress");

        h.LoadBalancers().Should().ContainSingle().Which.Should().Match<LoadBalancer>(lb => lb.Type == "network" && lb.IpAddressType == "dualstack");
    }

    [Fact]
    public async Task ZalandoProductionSettings_DefaultNetwork_HttpOnTheNlb_CrossZone_TaggedCertificatesOnly_StackTagsOnTheLoadBalancer()
    {
        // kubernetes-on-aws cluster/manifests/ingress-controller/deployment.yaml with config-defaults.yaml (nlb_switch "exec").
        await using var h = await KubeIngressAwsControllerClusterAsync(o =>
        {
            o.LoadBalancerType = "network";
            o.NlbHttpEnabled = true;
            o.NlbCrossZone = true;
            o.CertFilterTag = "kubernetes=enabled";
            o.AdditionalTags = ["InfrastructureComponent=true", "application=kube-ingress-aws-controller"];
            o.ClusterLocalDomain = "cluster.local";
        });
        var untagged = h.AddCertificate("untagged", NextYear, "foo.bar.org");
        var tagged = h.AddCertificate("tagged", DateTimeOffset.UtcNow.AddDays(-30), NextYear, "*.bar.org");
        h.TagCertificate(tagged, "kubernetes", "enabled");
        await h.ApplyWithKubectlAsync(IngressAlb, "myingress");

        await h.SettleAsync("myingress");

        var nlb = h.LoadBalancers().Should().ContainSingle().Subject;
        nlb.Type.Should().Be("network", "--load-balancer-type=network and nothing asks for an ALB");
        nlb.Attributes.Should().Contain("load_balancing.cross_zone.enabled", "true");
        h.Aws.State.ElbTags[nlb.Arn].Should().Contain("InfrastructureComponent", "true").And.Contain("application", "kube-ingress-aws-controller");
        var listeners = h.ListenersOf(nlb.Arn);
        listeners.Select(l => (l.Protocol, l.Port)).Should().BeEquivalentTo([("TLS", 443), ("TCP", 80)], "--nlb-http-enabled adds TCP:80");
        listeners.Single(l => l.Port == 443).Certificates.Should().Equal(new[] { (tagged, true) }, "only certificates tagged kubernetes=enabled are used; the exact untagged {0} is not", untagged);
    }

    [Fact]
    public async Task ReadmePinnedCertificate_WinsOverDiscovery()
    {
        // README "Create a Load Balancer with a pinned certificate", the annotation verbatim.
        await using var h = await KubeIngressAwsControllerClusterAsync();
        var pinned = h.AddCertificate("arn:aws:acm:eu-central-1:123456789012:certificate/f4bd7ed6-bf23-11e6-8db1-ef7ba1500c61", DateTimeOffset.UtcNow.AddDays(-1), NextYear, "*.example.org");
        h.AddCertificate("exact", NextYear, "test-app.example.org");
        await h.ApplyWithKubectlAsync(Readme("myingress", "    zalando.org/aws-load-balancer-ssl-cert: arn:aws:acm:eu-central-1:123456789012:certificate/f4bd7ed6-bf23-11e6-8db1-ef7ba1500c61"), "myingress");

        await h.SettleAsync("myingress");

        h.ListenersOf(h.LoadBalancers().Single().Arn).Single(l => l.Port == 443).Certificates.Should().Equal((pinned, true));
    }

    [Fact]
    public async Task ReadmeInternalScheme_AnInternalAlbOfItsOwn_InTheClusterSubnets()
    {
        // README "Create an internal Load Balancer"; worker.go addIngress: the scheme always splits load balancers.
        // aws/adapter.go FindLBSubnets: no subnet has kubernetes.io/role/internal-elb, so the cluster's subnets are used.
        await using var h = await KubeIngressAwsControllerClusterAsync();
        h.AddCertificate("wild", NextYear, "*.example.org");
        await h.ApplyWithKubectlAsync(Readme("internal", "    zalando.org/aws-load-balancer-scheme: internal"), "internal");
        await h.ApplyWithKubectlAsync(Readme("public", "    zalando.org/aws-load-balancer-shared: \"true\""), "public");

        await h.SettleAsync("internal", "public");

        var schemes = h.LoadBalancers().Select(lb => lb.Scheme);
        schemes.Should().BeEquivalentTo(["internal", "internet-facing"]);
        h.LoadBalancers().Single(lb => lb.Scheme == "internal").SubnetIds.Should().BeEquivalentTo(TaggedSubnets);
        h.LoadBalancers().Single(lb => lb.Scheme == "internal").DnsName.Should().StartWith("internal-");
    }

    [Fact]
    public async Task ReadmeSharedFalse_GivesEachIngressItsOwnAlb_OthersShare()
    {
        // README "Creating Load Balancers": shared by default; zalando.org/aws-load-balancer-shared: "false" gives an own ALB.
        await using var h = await KubeIngressAwsControllerClusterAsync();
        h.AddCertificate("wild", NextYear, "*.example.org");
        await h.ApplyWithKubectlAsync(Readme("own", "    zalando.org/aws-load-balancer-shared: \"false\""), "own");
        await h.ApplyWithKubectlAsync(Readme("shared-1", "    zalando.org/aws-load-balancer-shared: \"true\""), "shared-1");
        await h.ApplyWithKubectlAsync(Readme("shared-2", "    zalando.org/aws-load-balancer-http2: \"true\""), "shared-2");

        await h.SettleAsync("own", "shared-1", "shared-2");

        h.LoadBalancers().Should().HaveCount(2);
        (await h.StatusHostnameAsync("shared-1")).Should().Be(await h.StatusHostnameAsync("shared-2"));
        (await h.StatusHostnameAsync("own")).Should().NotBe(await h.StatusHostnameAsync("shared-1"));
    }

    [Fact]
    public async Task ReadmeSslPolicyAnnotation_ASharedAlbOfItsOwnPolicy_AnUnknownPolicyIsIgnored()
    {
        // README "Create Load Balancer with SSL Policy" (ELBSecurityPolicy-FS-2018-06, verbatim); worker.go addIngress: an
        // annotated policy splits shared load balancers; kubernetes/adapter.go: an unknown policy falls back to the default.
        await using var h = await KubeIngressAwsControllerClusterAsync();
        h.AddCertificate("wild", NextYear, "*.example.org");
        await h.ApplyWithKubectlAsync(Readme("fs", "    zalando.org/aws-load-balancer-ssl-policy: ELBSecurityPolicy-FS-2018-06"), "fs");
        await h.ApplyWithKubectlAsync(Readme("unknown", "    zalando.org/aws-load-balancer-ssl-policy: ELBSecurityPolicy-FS-2099-01"), "unknown");
        await h.ApplyWithKubectlAsync(Readme("plain", "    zalando.org/aws-load-balancer-http2: \"true\""), "plain");

        await h.SettleAsync("fs", "unknown", "plain");

        var policies = h.LoadBalancers().ToDictionary(lb => lb.DnsName.ToLowerInvariant(), lb => h.ListenersOf(lb.Arn).Single(l => l.Port == 443).SslPolicy);
        policies[(await h.StatusHostnameAsync("fs"))!].Should().Be("ELBSecurityPolicy-FS-2018-06");
        policies[(await h.StatusHostnameAsync("unknown"))!].Should().Be(OurDefaultPolicy);
        (await h.StatusHostnameAsync("unknown")).Should().Be(await h.StatusHostnameAsync("plain"), "an ignored policy does not split");
        (await h.EventsOfAsync("unknown")).Should().ContainSingle().Which.Reason.Should().Be("InvalidAnnotation");
    }

    [Fact]
    public async Task ReadmeSecurityGroupAnnotation_OverridesTheDiscoveredGroup()
    {
        // README "Create Load Balancer with SecurityGroup".
        await using var h = await KubeIngressAwsControllerClusterAsync();
        lock (h.Aws.State.Gate)
        {
            h.Aws.State.SecurityGroups.Add(new SecurityGroup { Id = "sg-0a1b2c3d4e5f6beef", Name = "somegroup", VpcId = "vpc-0a1b2c3d4e5f60001" });
        }

        h.AddCertificate("wild", NextYear, "*.example.org");
        await h.ApplyWithKubectlAsync(Readme("myingress", "    zalando.org/aws-load-balancer-security-group: sg-0a1b2c3d4e5f6beef"), "myingress");

        await h.SettleAsync("myingress");

        h.LoadBalancers().Single().SecurityGroups.Should().Equal("sg-0a1b2c3d4e5f6beef");
    }

    [Theory]
    [InlineData("    zalando.org/aws-load-balancer-scheme: internal")]
    [InlineData("    zalando.org/aws-load-balancer-security-group: sg-0a1b2c3d4e5f60001")]
    public async Task DefaultNetwork_InternalSchemeOrSecurityGroup_GetsAnAlb_UnlessNlbIsAskedFor(string annotation)
    {
        // kubernetes/adapter.go newIngress and README "Load Balancers types": with --load-balancer-type=network an internal
        // scheme, a security group or a WAF annotation gives an Application Load Balancer.
        await using var h = await KubeIngressAwsControllerClusterAsync(o => o.LoadBalancerType = "network");
        h.AddCertificate("wild", NextYear, "*.example.org");
        await h.ApplyWithKubectlAsync(Readme("alb", annotation), "alb");

        await h.SettleAsync("alb");

        h.LoadBalancers().Single().Type.Should().Be("application");
    }

    [Fact]
    public async Task MatchingGo_TheMostRecentlyIssuedCertificateIsChosen_AndAnExpiringOnlyCertificateStillServes()
    {
        // certs/matching.go FindBestMatchingCertificate: equal specificity → newest NotBefore; the first match is kept even
        // when it expires soon (no host loses TLS before its certificate really expires).
        await using var h = await KubeIngressAwsControllerClusterAsync();
        var now = h.Time.GetUtcNow();
        h.AddCertificate("issued-last-year", now.AddDays(-300), now.AddDays(400), "foo.bar.org");
        var recent = h.AddCertificate("issued-last-week", now.AddDays(-7), now.AddDays(90), "foo.bar.org");
        var expiring = h.AddCertificate("expiring", now.AddDays(-88), now.AddDays(2), "old.bar.org");
        await h.ApplyWithKubectlAsync(IngressAlb, "myingress");
        await h.ApplyWithKubectlAsync(IngressAlb.Replace("name: myingress", "name: old", StringComparison.Ordinal).Replace("foo.bar.org", "old.bar.org", StringComparison.Ordinal), "old");

        await h.SettleAsync("myingress", "old");

        var https = h.ListenersOf(h.LoadBalancers().Single().Arn).Single(l => l.Port == 443);
        https.Certificates.Select(c => c.Arn).Should().BeEquivalentTo([recent, expiring]);
        (await h.EventsOfAsync("old")).Should().ContainSingle().Which.Reason.Should().Be("CertificateExpiringSoon");
    }

    [Fact]
    public async Task Ec2Go_SubnetsTaggedOnlyForTheCluster_OnePerZone_PublicOnesForInternetFacing()
    {
        // aws/ec2.go getSubnets + isSubnetPublic, aws/adapter.go FindLBSubnets: no role tags at all, so per zone the lowest
        // subnet id, and for internet-facing load balancers only subnets whose route table has an internet gateway.
        var seed = AwsSeed.Default();
        const string cluster = "kubernetes.io/cluster/sandbox";
        seed.Subnets =
        [
            new SeedSubnet { Id = "subnet-0a000000000000001", VpcId = "vpc-0a1b2c3d4e5f60001", CidrBlock = "10.0.1.0/24", AvailabilityZone = "eu-central-1a", Public = false, Tags = new() { [cluster] = "shared" } },
            new SeedSubnet { Id = "subnet-0a000000000000002", VpcId = "vpc-0a1b2c3d4e5f60001", CidrBlock = "10.0.2.0/24", AvailabilityZone = "eu-central-1a", Public = true, Tags = new() { [cluster] = "shared" } },
            new SeedSubnet { Id = "subnet-0b000000000000001", VpcId = "vpc-0a1b2c3d4e5f60001", CidrBlock = "10.0.3.0/24", AvailabilityZone = "eu-central-1b", Public = false, Tags = new() { [cluster] = "shared" } },
            new SeedSubnet { Id = "subnet-0b000000000000002", VpcId = "vpc-0a1b2c3d4e5f60001", CidrBlock = "10.0.4.0/24", AvailabilityZone = "eu-central-1b", Public = true, Tags = new() { [cluster] = "shared" } },
        ];
        seed.Instances.ForEach(i => i.SubnetId = "subnet-0a000000000000001");
        await using var h = await KubeIngressAwsControllerClusterAsync(seed: seed);
        h.AddCertificate("wild", NextYear, "*.example.org");
        await h.ApplyWithKubectlAsync(Readme("public", "    zalando.org/aws-load-balancer-shared: \"true\""), "public");
        await h.ApplyWithKubectlAsync(Readme("internal", "    zalando.org/aws-load-balancer-scheme: internal"), "internal");

        await h.SettleAsync("public", "internal");

        h.LoadBalancers().Single(lb => lb.Scheme == "internet-facing").SubnetIds.Should().BeEquivalentTo(["subnet-0a000000000000002", "subnet-0b000000000000002"]);
        h.LoadBalancers().Single(lb => lb.Scheme == "internal").SubnetIds.Should().BeEquivalentTo(["subnet-0a000000000000001", "subnet-0b000000000000001"]);
        h.Calls.Count("ec2", "DescribeRouteTables").Should().Be(1, "route tables tell public subnets apart, read with the subnets");
    }

    [Fact]
    public async Task ReadmeRunningMultipleInstances_ControllerIdsKeepTheirLoadBalancersApart()
    {
        // README "Running multiple instances": --controller-id isolates resources, --ingress-class-filter=foo, also takes
        // class-less Ingresses. Each controller leaves the other's load balancers alone, even after the cleanup grace.
        await using var h = await ControllerHarness.StartAsync(o => o.IngressClassFilter = "foo,");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        lock (h.Aws.State.Gate)
        {
            h.Aws.State.SecurityGroups.Add(new SecurityGroup
            {
                Id = "sg-0a1b2c3d4e5f6cafe", Name = "internal-ingress", VpcId = "vpc-0a1b2c3d4e5f60001",
                Tags = new() { ["kubernetes.io/cluster/sandbox"] = "owned", ["kubernetes:application"] = "internal-ctrl" },
            });
        }

        h.AddCertificate("wild", NextYear, "*.example.org");
        await h.ApplyIngressAsync("foo", ["foo.example.org"], className: "foo");
        await h.ApplyIngressAsync("classless", ["none.example.org"], className: null);
        await h.ApplyIngressAsync("bar", ["bar.example.org"], className: "bar");
        var first = h.Controller;
        var secondOptions = new IngressControllerOptions
        {
            ClusterId = ControllerHarness.Cluster, IngressClassFilter = "bar", ControllerId = "internal-ctrl",
            ResyncInterval = TimeSpan.FromHours(1), CertPollingInterval = TimeSpan.FromMinutes(5), CleanupGrace = TimeSpan.FromMinutes(10),
        };
        secondOptions.Validate().Should().BeNull("as when bound from flags");
        var second = await h.StartControllerAsync(secondOptions);

        await first.Reconciler.ReconcileAsync(CancellationToken.None);
        await second.Reconciler.ReconcileAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(2));
        for (var i = 0; i < 3; i++)
        {
            await first.Reconciler.ReconcileAsync(CancellationToken.None);
            await second.Reconciler.ReconcileAsync(CancellationToken.None);
        }

        h.LoadBalancers().Should().HaveCount(2, "neither controller removes the other's load balancer");
        var secondLb = h.LoadBalancers().Single(lb => h.Aws.State.ElbTags[lb.Arn].GetValueOrDefault("kubernetes:application") == "internal-ctrl");
        var firstLb = h.LoadBalancers().Single(lb => lb.Arn != secondLb.Arn);
        (await h.StatusHostnameAsync("bar")).Should().Be(secondLb.DnsName.ToLowerInvariant());
        (await h.StatusHostnameAsync("foo")).Should().Be(firstLb.DnsName.ToLowerInvariant());
        (await h.StatusHostnameAsync("classless")).Should().Be(firstLb.DnsName.ToLowerInvariant());
        firstLb.SecurityGroups.Should().Equal("sg-0a1b2c3d4e5f60001");
        secondLb.SecurityGroups.Should().Equal(new[] { "sg-0a1b2c3d4e5f6cafe" }, "found by kubernetes:application=<controller-id>");
    }

    [Fact]
    public async Task ReadmeClusterLocalDomain_HostsOfThatDomainGetNoLoadBalancer()
    {
        // README "Omit to create a Load Balancer for cluster internal domains", with the manifest's --cluster-local-domain=cluster.local.
        await using var h = await KubeIngressAwsControllerClusterAsync(o => o.ClusterLocalDomain = "cluster.local");
        h.AddCertificate("foo", NextYear, "foo.bar.org");
        await h.ApplyWithKubectlAsync(IngressAlb.Replace("foo.bar.org", "test-app.skipper.cluster.local", StringComparison.Ordinal), "myingress");

        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.LoadBalancers().Should().BeEmpty();
        (await h.EventsOfAsync("myingress")).Should().BeEmpty();
    }

    [Fact]
    public async Task WorkerGo_MaxCertsAlb24_AnIngressIsNeverSplitAcrossLoadBalancers()
    {
        // worker.go addIngress with --max-certs-alb 24 (its default): 30 hosts on their own certificates fill 24, spill 6.
        await using var h = await KubeIngressAwsControllerClusterAsync(o => o.MaxCertsPerAlb = 24);
        for (var i = 0; i < 30; i++)
        {
            h.AddCertificate($"c{i:00}", NextYear, $"app{i:00}.example.org");
            await h.ApplyIngressAsync($"app{i:00}", [$"app{i:00}.example.org"], className: null);
        }

        await h.SettleAsync([.. Enumerable.Range(0, 30).Select(i => $"app{i:00}")]);

        h.LoadBalancers().Select(lb => h.ListenersOf(lb.Arn).Single(l => l.Port == 443).Certificates.Count).Should().BeEquivalentTo([24, 6]);
    }
}

using AwsIntegrations.Hosting.Options;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.IngressController.Tests.Compatibility;

namespace AwsIntegrations.IngressController.Tests.Options;

/// <summary>kube-ingress-aws-controller's Deployment args keep working: every flag it defines is accepted, those that map are applied.</summary>
public class KubeIngressAwsControllerFlagsTests
{
    private static IngressControllerOptions Bind(params string[] args) => Bind(_ => null, args);

    private static IngressControllerOptions Bind(Func<string, string?> environment, params string[] args) =>
        FlagBinder.Bind<IngressControllerOptions>(["--cluster-id=prod", .. args], environment);

    // Every flag kube-ingress-aws-controller defines (controller.go loadSettings, kingpin.Flag), with a value it accepts.
    public static TheoryData<string> EveryKubeIngressAwsControllerFlag() =>
    [
        "--version", "--debug", "--quiet", "--api-server-base-url=http://127.0.0.1:8001", "--polling-interval=30s", "--creation-timeout=5m",
        "--cert-polling-interval=30m", "--disable-sni-support", "--disable-instrumented-http-client", "--stack-termination-protection",
        "--additional-stack-tags=InfrastructureComponent=true", "--cert-ttl-timeout=1h", "--cert-filter-tag=kubernetes=enabled",
        "--health-check-path=/kube-system/healthz", "--health-check-port=9999", "--target-port=9999", "--alb-http-target-port=9998",
        "--nlb-http-target-port=9998", "--target-https", "--health-check-interval=10s", "--health-check-timeout=5s",
        "--alb-healthy-threshold-count=5", "--alb-unhealthy-threshold-count=2", "--nlb-healthy-threshold-count=3",
        "--idle-connection-timeout=1m", "--deregistration-delay-timeout=5m", "--min-load-balancer-age=6m", "--metrics-address=:7979",
        "--ingress-class-filter=skipper,", "--controller-id=kube-ingress-aws-controller", "--cluster-id=kube-1", "--vpc-id=vpc-0a1b2c3d4e5f60001",
        "--cluster-local-domain=cluster.local", "--max-certs-alb=24", "--ssl-policy=ELBSecurityPolicy-2016-08",
        "--blacklist-certificate-arns=arn:aws:acm:eu-central-1:123456789012:certificate/old", "--ip-addr-type=dualstack",
        "--logs-s3-bucket=alb-logs", "--logs-s3-prefix=prod",
        "--aws-waf-web-acl-id=arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/test-waf-acl/12345678-abcd-efgh-ijkl-901234567890",
        "--cloudwatch-alarms-config-map=kube-system/alarms", "--redirect-http-to-https", "--load-balancer-type=network",
        "--nlb-zone-affinity=availability_zone_affinity", "--nlb-cross-zone", "--nlb-http-enabled", "--deny-internal-domains",
        "--internal-domains=*.cluster.local", "--deny-internal-domains-response=Unauthorized", "--deny-internal-domains-response-content-type=text/plain",
        "--deny-internal-domains-response-status-code=401", "--target-access-mode=HostPort", "--target-cni-namespace=kube-system",
        "--target-cni-pod-labelselector=application=skipper-ingress", "--no-nlb-cross-zone", "--no-deny-internal-domains",
    ];

    [Theory]
    [MemberData(nameof(EveryKubeIngressAwsControllerFlag))]
    public void KubeIngressAwsControllerFlag_IsAccepted(string flag)
    {
        var act = () => Bind(flag);

        act.Should().NotThrow();
    }

    [Fact]
    public void ZalandoProductionArgs_BindAndMapOntoOurs()
    {
        // zalando-incubator/kubernetes-on-aws cluster/manifests/ingress-controller/deployment.yaml (ZalandoProduction).
        var environment = new Dictionary<string, string> { ["CUSTOM_FILTERS"] = ZalandoProduction.CustomFilters("kube-1"), ["AWS_REGION"] = "eu-central-1" };
        var options = Bind(name => environment.GetValueOrDefault(name), ZalandoProduction.Args);

        options.TargetType.Should().Be(TargetType.Instance);
        options.SslPolicy.Should().Be("ELBSecurityPolicy-TLS-1-2-2017-01");
        options.IdleTimeout.Should().Be(TimeSpan.FromMinutes(1));
        options.DeregistrationDelay.Should().Be(TimeSpan.FromSeconds(10));
        (options.NlbCrossZone, options.NlbZoneAffinity, options.NlbHttpEnabled, options.LoadBalancerType).Should().Be((true, "any_availability_zone", true, "network"));
        options.ClusterLocalDomain.Should().Be("cluster.local");
        options.AdditionalTags.Should().Equal("InfrastructureComponent=true", "application=kube-ingress-aws-controller");
        options.CertPollingInterval.Should().Be(TimeSpan.FromMinutes(2));
        options.CertFilterTag.Should().Be("kubernetes=enabled");
        options.KubeIngressAwsController.Ignored().Select(i => i.Flag).Should().Equal(ZalandoProduction.Ignored);
        options.KubeIngressAwsController.Ignored().Should().OnlyContain(i => i.Reason.Length > 20, "each ignored flag says why");
    }

    [Theory]
    [InlineData("HostPort", TargetType.Instance)]
    [InlineData("Legacy", TargetType.Instance)]
    [InlineData("AWSCNI", TargetType.Ip)]
    public void TargetAccessMode_SetsTheTargetType(string mode, TargetType expected)
    {
        // controller.go: HostPort and Legacy register instances, AWSCNI pod IPs (target-cni-namespace and -pod-labelselector).
        var options = Bind($"--target-access-mode={mode}", "--target-type=ip", "--target-cni-namespace=kube-system", "--target-cni-pod-labelselector=application=skipper-ingress");

        options.TargetType.Should().Be(expected);
        options.RouterNamespace.Should().Be("kube-system");
        options.RouterPodSelector.Should().Be("application=skipper-ingress");
    }

    [Fact]
    public void IngressClassFilter_TrailingComma_AlsoServesIngressesWithoutAClass()
    {
        // README "Running multiple instances": --ingress-class-filter=foo, manages class foo and Ingresses without a class.
        Bind("--ingress-class-filter=foo,").ServedClasses.Should().Equal("foo", "");
        Bind("--ingress-class-filter=foo").ServedClasses.Should().Equal("foo");
        Bind("--ingress-class-filter=").ServedClasses.Should().Equal("");
        Bind().ServedClasses.Should().Equal("aws-integrations");
    }

    [Fact]
    public void ControllerId_NamesTheSecurityGroupTag_UnlessTheTagIsGiven()
    {
        // README "AWS Tags": the security group is found by kubernetes:application=<controller-id>.
        Bind("--controller-id=internal-ctrl").SecurityGroupTag.Should().Be("kubernetes:application=internal-ctrl");
        Bind("--controller-id=internal-ctrl", "--security-group-tag=team=web").SecurityGroupTag.Should().Be("team=web");
        Bind().SecurityGroupTag.Should().Be("kubernetes:application=kube-ingress-aws-controller");
    }

    [Theory]
    [InlineData(":7979", "0.0.0.0", 7979)]
    [InlineData("127.0.0.1:9911", "127.0.0.1", 9911)]
    [InlineData("127.0.0.1", "127.0.0.1", 7979)]
    public void MetricsAddress_HostAndPortAsKubeIngressAwsControllerWritesIt_OrTheAddressAlone(string value, string address, int port)
    {
        // controller.go: --metrics-address defaults to ":7979" (host:port); ours takes the port from --metrics-port.
        var options = Bind($"--metrics-address={value}");

        (options.MetricsAddress, options.MetricsPort).Should().Be((address, port));
    }

    [Fact]
    public void DisableSniSupport_DebugAndQuiet_MapOntoOurs()
    {
        Bind("--disable-sni-support").MaxCertsPerAlb.Should().Be(1);
        Bind("--max-certs-alb=20").MaxCertsPerAlb.Should().Be(20);
        Bind("--debug").LogLevel.Should().Be("debug");
        Bind("--quiet").LogLevel.Should().Be("warning");
    }

    [Theory]
    [InlineData("--ssl-policy=ELBSecurityPolicy-Custom", "--ssl-policy")]
    [InlineData("--target-access-mode=NodePort", "--target-access-mode")]
    [InlineData("--load-balancer-type=gateway", "--load-balancer-type")]
    [InlineData("--nlb-zone-affinity=nearest", "--nlb-zone-affinity")]
    [InlineData("--additional-stack-tags=novalue", "--additional-tags")]
    [InlineData("--cert-filter-tag=kubernetes", "--cert-filter-tag")]
    [InlineData("--max-certs-alb=26", "--max-certs-per-alb")]
    public void BadValue_IsAClearErrorNamingTheFlag(string flag, string named)
    {
        var act = () => Bind(flag);

        act.Should().Throw<FlagException>().Which.Message.Should().Contain(named);
    }

    [Fact]
    public void VersionDebugAndQuiet_DoNotReadCommonEnvironmentVariables()
    {
        var environment = new Dictionary<string, string> { ["VERSION"] = "1.2.3", ["DEBUG"] = "1", ["QUIET"] = "yes" };

        var act = () => Bind(name => environment.GetValueOrDefault(name));

        act.Should().NotThrow("a container's VERSION or DEBUG variable is not a flag");
    }
}

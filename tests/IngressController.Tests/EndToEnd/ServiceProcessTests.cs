using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.IngressController.Tests.Compatibility;
using AwsIntegrations.Testing;

namespace AwsIntegrations.IngressController.Tests.EndToEnd;

public sealed class ServiceProcessTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ingress-e2e").FullName;
    private KubernetesEmulator _kube = null!;
    private AwsEmulator _aws = null!;
    private string _kubeconfig = "";

    public async Task InitializeAsync()
    {
        _kube = await KubernetesEmulator.StartAsync(0);
        _aws = await AwsEmulator.StartAsync(0);
        _kubeconfig = _kube.WriteKubeconfig(Path.Combine(_directory, "kubeconfig"));
        lock (_aws.State.Gate)
        {
            _aws.State.Certificates.Add(new Certificate
            {
                Arn = "arn:aws:acm:eu-central-1:123456789012:certificate/shop", DomainName = "shop.example.org", SubjectAlternativeNames = ["shop.example.org"],
                NotBefore = DateTimeOffset.UtcNow.AddDays(-1), NotAfter = DateTimeOffset.UtcNow.AddDays(300), CreatedAt = DateTimeOffset.UtcNow,
            });
        }

        _kube.Create("Node", null, JsonNode.Parse("""{"metadata":{"name":"node-1"},"spec":{"providerID":"aws:///eu-central-1a/i-0a1b2c3d4e5f60001"}}""")!.AsObject());
        _kube.Store.Update(_kube.Store.Definition("Node"), null, "node-1", o =>
        {
            o["status"] = JsonNode.Parse("""{"conditions":[{"type":"Ready","status":"True"}]}""");
            return o;
        }, status: true);
        _kube.Create("Ingress", "default", JsonNode.Parse("""
            {"metadata":{"name":"shop"},"spec":{"ingressClassName":"aws-integrations","rules":[{"host":"shop.example.org"}]}}
            """)!.AsObject());
    }

    public async Task DisposeAsync()
    {
        await _aws.DisposeAsync();
        await _kube.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private string? StatusHostname(string name = "shop") =>
        _kube.Get("Ingress", "default", name)?["status"]?["loadBalancer"]?["ingress"]?[0]?["hostname"]?.GetValue<string>();

    [Fact]
    public async Task Service_ConvergesTheIngress_AndExitsCleanlyOnSigterm()
    {
        await using var service = await ServiceProcess.StartAsync(_kube, _aws, _kubeconfig, "ingress-0");

        await Eventually.HoldsAsync(() => StatusHostname() is not null, "the Ingress status names the load balancer", TimeSpan.FromSeconds(60));

        LoadBalancer lb;
        lock (_aws.State.Gate)
        {
            lb = _aws.State.LoadBalancers.Should().ContainSingle().Subject;
        }

        StatusHostname().Should().Be(lb.DnsName.ToLowerInvariant());
        (await service.CounterAsync("ingress_aws_writes_total")).Should().Be(5, "create load balancer, target group, targets, HTTPS and HTTP listeners");
        (await service.CounterAsync("aws_api_calls_total")).Should().BeGreaterThan(5);

        service.Process.SendSignal(PosixSignal.SIGTERM);
        (await service.Process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, service.Process.Output);
    }

    [Fact]
    public async Task Service_ClusterWebAclAndDeregistrationDelayFlags_ReachAwsThroughTheConfiguredEndpoints()
    {
        string acl;
        lock (_aws.State.Gate)
        {
            acl = _aws.State.AddWebAcl("cluster-default").Arn;
        }

        await using var service = await ServiceProcess.StartAsync(_kube, _aws, _kubeconfig, "ingress-0",
            "--waf-web-acl-arn", acl, "--deregistration-delay-timeout", "30s");

        await Eventually.HoldsAsync(() =>
        {
            lock (_aws.State.Gate)
            {
                return _aws.State.LoadBalancers.Count == 1 && _aws.State.WebAclAssociations.GetValueOrDefault(_aws.State.LoadBalancers[0].Arn) == acl;
            }
        }, "the load balancer is associated with the cluster's web ACL", TimeSpan.FromSeconds(60));
        lock (_aws.State.Gate)
        {
            _aws.State.TargetGroups.Should().ContainSingle().Which.Attributes.Should().Contain("deregistration_delay.timeout_seconds", "30");
        }

        _aws.Calls.Of("wafv2").Select(c => c.Operation).Should().Equal("AssociateWebACL");
        await Eventually.HoldsAsync(async () => await service.CounterAsync("ingress_aws_writes_total") == 7,
            "create load balancer, target group, target group attributes, targets, both listeners, and the association", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TwoReplicas_OnlyTheLeaderWrites()
    {
        await using var first = await ServiceProcess.StartAsync(_kube, _aws, _kubeconfig, "ingress-0");
        await Eventually.HoldsAsync(() => _kube.Get("Lease", "default", "ingress-controller") is not null, "a leader is elected", TimeSpan.FromSeconds(30));
        await using var second = await ServiceProcess.StartAsync(_kube, _aws, _kubeconfig, "ingress-1");

        await Eventually.HoldsAsync(() => StatusHostname() is not null, "the Ingress status names the load balancer", TimeSpan.FromSeconds(60));
        _kube.Create("Ingress", "default", JsonNode.Parse("""
            {"metadata":{"name":"blog","annotations":{"zalando.org/aws-load-balancer-shared":"false"}},"spec":{"ingressClassName":"aws-integrations","rules":[{"host":"shop.example.org"}]}}
            """)!.AsObject());
        await Eventually.HoldsAsync(() => StatusHostname("blog") is not null, "the second Ingress gets its own load balancer (status is written after the writes)", TimeSpan.FromSeconds(60));

        var holder = _kube.Get("Lease", "default", "ingress-controller")!["spec"]!["holderIdentity"]!.GetValue<string>();
        var (leader, follower) = holder == "ingress-0" ? (first, second) : (second, first);
        (await leader.CounterAsync("ingress_aws_writes_total")).Should().Be(10);
        (await follower.CounterAsync("ingress_aws_writes_total")).Should().Be(0, "a replica that does not lead never writes");
        (await follower.CounterAsync("aws_api_calls_total")).Should().Be(0, "nor reads");
        lock (_aws.State.Gate)
        {
            _aws.State.LoadBalancers.Should().HaveCount(2);
        }
    }

    [Fact]
    public async Task Service_KubeIngressAwsControllersProductionArgs_Start_WarnOnceAboutWhatIsIgnored_AndConverge()
    {
        // zalando-incubator/kubernetes-on-aws cluster/manifests/ingress-controller/deployment.yaml, args and env verbatim with
        // the values of cluster/config-defaults.yaml (nlb_switch "exec"); only --cluster-id is ours (it discovers it from EC2).
        lock (_aws.State.Gate)
        {
            _aws.State.Certificates.Single().Tags["kubernetes"] = "enabled";
        }

        var environment = new Dictionary<string, string?>(_aws.ClientEnvironment()) { ["CUSTOM_FILTERS"] = ZalandoProduction.CustomFilters("sandbox") };
        var metricsPort = FreePort.Next();
        await using var service = ServiceProcess.Run(environment,
        [
            .. ZalandoProduction.Args,
            "--cluster-id=sandbox", "--kubeconfig", _kubeconfig, $"--metrics-address=127.0.0.1:{metricsPort}", "--leader-elect=false", "--shutdown-delay=0s",
        ]);
        await service.WaitUntilReadyAsync(metricsPort, TimeSpan.FromSeconds(60));

        await Eventually.HoldsAsync(() => StatusHostname() is not null, "the Ingress status names the load balancer", TimeSpan.FromSeconds(60));
        lock (_aws.State.Gate)
        {
            var nlb = _aws.State.LoadBalancers.Should().ContainSingle().Subject;
            nlb.Type.Should().Be("network");
            _aws.State.Listeners.Where(l => l.LoadBalancerArn == nlb.Arn).Select(l => (l.Protocol, l.Port, l.SslPolicy))
                .Should().BeEquivalentTo([("TLS", 443, (string?)"ELBSecurityPolicy-TLS-1-2-2017-01"), ("TCP", 80, null)]);
            _aws.State.ElbTags[nlb.Arn].Should().Contain("InfrastructureComponent", "true");
        }

        var warnings = service.StandardOutput.Where(l => l.Contains("kube-ingress-aws-controller flags accepted but ignored", StringComparison.Ordinal)).ToList();
        warnings.Should().ContainSingle(service.Output);
        warnings[0].Should().Contain("\"LogLevel\":\"Warning\"");
        foreach (var flag in ZalandoProduction.Ignored)
        {
            warnings[0].Should().Contain(flag);
        }

        service.SendSignal(PosixSignal.SIGTERM);
        (await service.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, service.Output);
    }

    [Fact]
    public async Task Version_PrintsTheVersionAndExits()
    {
        await using var process = ServiceProcess.Run(_aws.ClientEnvironment(), "--version");

        (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, process.Output);
        process.StandardOutput.Should().ContainSingle().Which.Should().StartWith("ingress-controller ");
    }

    [Fact]
    public async Task MissingClusterId_ExitsWithAClearError()
    {
        await using var process = ServiceProcess.Run(_aws.ClientEnvironment(), "--kubeconfig", _kubeconfig);

        (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2);
        process.StandardError.Should().Contain(l => l.Contains("cluster-id", StringComparison.Ordinal) && l.Contains("must be set", StringComparison.Ordinal));
    }
}

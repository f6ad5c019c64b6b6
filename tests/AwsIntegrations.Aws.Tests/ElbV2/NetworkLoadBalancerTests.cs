using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests.ElbV2;

/// <summary>
/// The Network Load Balancer shapes of the ELBv2 API: no security groups needed, TLS and TCP listeners (HTTP and HTTPS are
/// for Application Load Balancers only, and the other way round), TCP target groups with an HTTP health check, the NLB
/// attributes, and the errors AWS answers for mismatches (ValidationError, IncompatibleProtocols, InvalidLoadBalancerAction).
/// </summary>
public sealed class NetworkLoadBalancerTests : IAsyncLifetime
{
    private const string VpcId = "vpc-0a1b2c3d4e5f60001";
    private static readonly string[] Subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"];
    private TestAws _aws = null!;
    private ElbV2Client _elb = null!;
    private string _certificate = "";

    public async Task InitializeAsync()
    {
        _aws = await TestAws.StartAsync();
        _elb = new ElbV2Client(_aws.Transport);
        _certificate = "arn:aws:acm:eu-central-1:123456789012:certificate/nlb-test";
        lock (_aws.State.Gate)
        {
            _aws.State.Certificates.Add(new Certificate { Arn = _certificate, DomainName = "foo.bar.org", CreatedAt = DateTimeOffset.UtcNow, NotAfter = DateTimeOffset.UtcNow.AddDays(90) });
        }
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private Task<LoadBalancerDescription> CreateNlbAsync(string name = "nlb") =>
        _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest(name, Subnets) { Type = "network" });

    // The target group kube-ingress-aws-controller's CloudFormation template gives a Network Load Balancer (aws/cf_template.go
    // newTargetGroup): TCP to the router port, health checked over HTTP on a path, healthy and unhealthy thresholds equal.
    private Task<TargetGroupDescription> CreateTcpTargetGroupAsync(string name = "nlb") =>
        _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest(name, "TCP", 9999, VpcId)
        {
            HealthCheck = new TargetGroupHealthCheck { Protocol = "HTTP", Port = "traffic-port", Path = "/kube-system/healthz", IntervalSeconds = 10, HealthyThresholdCount = 3, UnhealthyThresholdCount = 3 },
        });

    [Fact]
    public async Task Nlb_TlsAndTcpListenersToATcpTargetGroup_AsKubeIngressAwsControllerBuildsThem()
    {
        var nlb = await CreateNlbAsync();
        var tg = await CreateTcpTargetGroupAsync();

        var tls = await _elb.CreateListenerAsync(new CreateListenerRequest(nlb.Arn, "TLS", 443, [ListenerActionSpec.Forward(tg.Arn)])
        {
            DefaultCertificateArn = _certificate, SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06",
        });
        var tcp = await _elb.CreateListenerAsync(new CreateListenerRequest(nlb.Arn, "TCP", 80, [ListenerActionSpec.Forward(tg.Arn)]));
        var described = (await _elb.DescribeTargetGroupsAsync(arns: [tg.Arn])).Single();

        nlb.Type.Should().Be("network");
        nlb.SecurityGroups.Should().BeEmpty("a Network Load Balancer needs no security group");
        tls.Protocol.Should().Be("TLS");
        tls.SslPolicy.Should().Be("ELBSecurityPolicy-TLS13-1-2-2021-06");
        tls.Certificates.Single().CertificateArn.Should().Be(_certificate);
        tcp.SslPolicy.Should().BeNull();
        described.Protocol.Should().Be("TCP");
        described.HealthCheck.Protocol.Should().Be("HTTP");
        described.HealthCheck.Path.Should().Be("/kube-system/healthz");
        described.HealthCheck.TimeoutSeconds.Should().Be(10, "AWS's default for TCP target groups");
        described.LoadBalancerArns.Should().Equal(nlb.Arn);
        (await _elb.DescribeListenersAsync(nlb.Arn)).Select(l => (l.Protocol, l.Port)).Should().BeEquivalentTo([("TLS", 443), ("TCP", 80)]);
    }

    [Theory]
    [InlineData("HTTPS", 443)]
    [InlineData("HTTP", 80)]
    public async Task Nlb_HttpOrHttpsListener_IsValidationError(string protocol, int port)
    {
        var nlb = await CreateNlbAsync();
        var tg = await CreateTcpTargetGroupAsync();

        var act = () => _elb.CreateListenerAsync(new CreateListenerRequest(nlb.Arn, protocol, port, [ListenerActionSpec.Forward(tg.Arn)]) { DefaultCertificateArn = protocol == "HTTPS" ? _certificate : null });

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("ValidationError");
        error.AwsMessage.Should().Be($"Listener protocol '{protocol}' must be one of 'TLS, TCP, TCP_UDP, UDP'");
    }

    [Fact]
    public async Task Alb_TlsListener_IsValidationError()
    {
        var alb = await _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("alb", Subnets));
        var tg = await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("alb", "HTTP", 9999, VpcId));

        var act = () => _elb.CreateListenerAsync(new CreateListenerRequest(alb.Arn, "TLS", 443, [ListenerActionSpec.Forward(tg.Arn)]) { DefaultCertificateArn = _certificate });

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.AwsMessage.Should().Be("Listener protocol 'TLS' must be one of 'HTTPS, HTTP'");
    }

    [Fact]
    public async Task ListenerForwardingToATargetGroupOfTheOtherKind_IsIncompatibleProtocols()
    {
        var nlb = await CreateNlbAsync();
        var alb = await _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("alb", Subnets));
        var tcp = await CreateTcpTargetGroupAsync();
        var http = await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("http", "HTTP", 9999, VpcId));

        var tlsToHttp = () => _elb.CreateListenerAsync(new CreateListenerRequest(nlb.Arn, "TLS", 443, [ListenerActionSpec.Forward(http.Arn)]) { DefaultCertificateArn = _certificate });
        var httpsToTcp = () => _elb.CreateListenerAsync(new CreateListenerRequest(alb.Arn, "HTTPS", 443, [ListenerActionSpec.Forward(tcp.Arn)]) { DefaultCertificateArn = _certificate });

        (await tlsToHttp.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("IncompatibleProtocols");
        (await httpsToTcp.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("IncompatibleProtocols");
        (await _elb.DescribeListenersAsync(nlb.Arn)).Should().BeEmpty();
        (await _elb.DescribeListenersAsync(alb.Arn)).Should().BeEmpty();
    }

    [Fact]
    public async Task Nlb_RedirectAction_IsInvalidLoadBalancerAction()
    {
        var nlb = await CreateNlbAsync();

        var act = () => _elb.CreateListenerAsync(new CreateListenerRequest(nlb.Arn, "TCP", 80,
            [new ListenerActionSpec("redirect") { Redirect = new RedirectActionSpec("HTTP_301") { Protocol = "HTTPS", Port = "443" } }]));

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidLoadBalancerAction");
    }

    [Fact]
    public async Task Nlb_Attributes_AreTheNetworkOnes()
    {
        var nlb = await CreateNlbAsync();

        var defaults = await _elb.DescribeLoadBalancerAttributesAsync(nlb.Arn);
        var modified = await _elb.ModifyLoadBalancerAttributesAsync(nlb.Arn, new Dictionary<string, string>
        {
            ["load_balancing.cross_zone.enabled"] = "true",
            ["dns_record.client_routing_policy"] = "availability_zone_affinity",
        });
        var albOnly = () => _elb.ModifyLoadBalancerAttributesAsync(nlb.Arn, new Dictionary<string, string> { ["idle_timeout.timeout_seconds"] = "60" });
        var badPolicy = () => _elb.ModifyLoadBalancerAttributesAsync(nlb.Arn, new Dictionary<string, string> { ["dns_record.client_routing_policy"] = "nearest" });

        defaults.Should().Contain("load_balancing.cross_zone.enabled", "false").And.Contain("dns_record.client_routing_policy", "any_availability_zone")
            .And.NotContainKey("routing.http2.enabled");
        modified.Should().Contain("dns_record.client_routing_policy", "availability_zone_affinity");
        (await albOnly.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidConfigurationRequest");
        (await badPolicy.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidConfigurationRequest");
        (await _elb.DescribeLoadBalancerAttributesAsync(nlb.Arn)).Should().Contain("dns_record.client_routing_policy", "availability_zone_affinity");
    }

    [Fact]
    public async Task TargetGroup_TcpHealthCheckOnHttpGroupOrPathOnTcpCheck_IsValidationError()
    {
        var tcpCheckOnHttp = () => _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("a", "HTTP", 80, VpcId) { HealthCheck = new TargetGroupHealthCheck { Protocol = "TCP" } });
        var pathOnTcpCheck = () => _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("b", "TCP", 80, VpcId) { HealthCheck = new TargetGroupHealthCheck { Path = "/healthz" } });

        (await tcpCheckOnHttp.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("ValidationError");
        (await pathOnTcpCheck.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("ValidationError");
        (await _elb.DescribeTargetGroupsAsync()).Should().BeEmpty();
    }
}

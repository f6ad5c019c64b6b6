using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Planning;

namespace AwsIntegrations.IngressController.Tests.Planning;

/// <summary>The plan for a Network Load Balancer, as kube-ingress-aws-controller's aws/cf_template.go builds one.</summary>
public class NetworkLoadBalancerPlanTests
{
    private const string Nlb = "ing-cccccc-bbbbbb-0";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly GroupKey Group = new("internet-facing", "ipv4", null, "ELBSecurityPolicy-TLS13-1-2-2021-06", null, true, false, Type: "network");
    private static readonly LoadBalancerSettings Settings = new(60, false, 25, TimeSpan.FromMinutes(10), new TargetGroupHealthCheck
    {
        Protocol = "HTTP", Port = "traffic-port", Path = "/kube-system/healthz", IntervalSeconds = 10, TimeoutSeconds = 5, HealthyThresholdCount = 5, UnhealthyThresholdCount = 2,
    });

    private static Dictionary<string, DesiredAlb> Want(params string[] certificates) => new(StringComparer.Ordinal)
    {
        [Nlb] = new DesiredAlb(Nlb, Group, 0, certificates.ToHashSet(StringComparer.Ordinal), ["ns/a"]) { Subnets = ["subnet-a"], SecurityGroup = "sg-ignored" },
    };

    [Fact]
    public void EmptyAccount_NlbWithoutSecurityGroup_TcpTargetGroup_TlsListener_NoPort80()
    {
        // AWS's NLB defaults (cross-zone off, any-zone DNS) are what --nlb-cross-zone and --nlb-zone-affinity default to: no attribute write.
        var plan = Planner.Build(Want("c1", "c2"), new AwsInventory(), new HashSet<string> { "i-1" }, Settings, new Dictionary<string, DateTimeOffset>(), Now);

        var nlbCheck = Settings.HealthCheck with { TimeoutSeconds = null, HealthyThresholdCount = 3, UnhealthyThresholdCount = 3 };
        plan.Changes.ShouldBe(
            new CreateLoadBalancer(Nlb, Group, ["subnet-a"], null),
            new CreateTargetGroup(Nlb, "TCP", nlbCheck),
            new ModifyTargetGroupAttributes(Nlb, new Dictionary<string, string> { ["deregistration_delay.timeout_seconds"] = "300" }),
            new RegisterTargets(Nlb, ["i-1"]),
            new CreateListener(Nlb, "TLS", "c1", Group.SslPolicy, false),
            new AddListenerCertificates(Nlb, ["c2"]));
    }

    [Fact]
    public void NlbHttpEnabledAndCrossZone_TcpPort80AndTheAttributes()
    {
        var settings = Settings with { NlbHttpEnabled = true, NlbCrossZone = true, NlbZoneAffinity = "availability_zone_affinity" };

        var plan = Planner.Build(Want("c1"), new AwsInventory(), new HashSet<string>(), settings, new Dictionary<string, DateTimeOffset>(), Now);

        ChangeText.Of(plan.Changes).Should().Contain(ChangeText.Of(new ModifyLoadBalancerAttributes(Nlb, new Dictionary<string, string>
        {
            ["load_balancing.cross_zone.enabled"] = "true", ["dns_record.client_routing_policy"] = "availability_zone_affinity",
        }))).And.Contain(ChangeText.Of(new CreateListener(Nlb, "TCP", null, null, false)));
    }

    [Fact]
    public void ExistingNlb_TcpPort80NoLongerWanted_IsDeleted()
    {
        var inventory = new AwsInventory();
        inventory.Albs[Nlb] = new AlbState
        {
            Name = Nlb, Arn = "arn:nlb", DnsName = "nlb.example", Type = "network", Attributes = AwsDefaults.NewNlbAttributes(),
            Https = new ListenerState { Arn = "arn:tls", Protocol = "TLS", Port = 443, SslPolicy = Group.SslPolicy, DefaultCertificate = "c1", ForwardTargetGroup = "arn:tg" },
            Http = new ListenerState { Arn = "arn:tcp", Protocol = "TCP", Port = 80, ForwardTargetGroup = "arn:tg" },
        };
        inventory.TargetGroups[Nlb] = new TargetGroupState
        {
            Name = Nlb, Arn = "arn:tg", HealthCheck = Settings.HealthCheckFor(Group) with { TimeoutSeconds = 10 }, Attributes = new() { ["deregistration_delay.timeout_seconds"] = "300" },
        };

        var plan = Planner.Build(Want("c1"), inventory, new HashSet<string>(), Settings, new Dictionary<string, DateTimeOffset>(), Now);

        plan.Changes.ShouldBe(new DeleteListener(Nlb, "TCP"));
    }
}

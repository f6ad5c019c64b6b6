using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Planning;

namespace AwsIntegrations.IngressController.Tests.Planning;

public class PlannerTests
{
    private const string Alb = "ing-cccccc-aaaaaa-0";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly GroupKey Group = new("internet-facing", "ipv4", null, "ELBSecurityPolicy-TLS13-1-2-2021-06", null, true, false);
    private static readonly LoadBalancerSettings Settings = new(60, false, 25, TimeSpan.FromMinutes(10), new TargetGroupHealthCheck
    {
        Protocol = "HTTP", Port = "traffic-port", Path = "/kube-system/healthz", IntervalSeconds = 10, TimeoutSeconds = 5, HealthyThresholdCount = 5, UnhealthyThresholdCount = 2,
    });

    private static readonly HashSet<string> Targets = ["i-1", "i-2"];

    private static DesiredAlb Desired(params string[] certificates) =>
        new(Alb, Group, 0, certificates.ToHashSet(StringComparer.Ordinal), ["ns/a"]) { Subnets = ["subnet-a", "subnet-b"], SecurityGroup = "sg-1" };

    private static Dictionary<string, DesiredAlb> Want(params DesiredAlb[] albs) => albs.ToDictionary(a => a.Name, StringComparer.Ordinal);

    private static AwsInventory Existing(string defaultCertificate, params string[] more)
    {
        var inventory = new AwsInventory();
        inventory.Albs[Alb] = new AlbState
        {
            Name = Alb, Arn = "arn:lb", DnsName = "lb.example", Attributes = AwsDefaults.NewAlbAttributes(),
            Https = new ListenerState { Arn = "arn:https", Protocol = "HTTPS", Port = 443, SslPolicy = Group.SslPolicy, DefaultCertificate = defaultCertificate, Certificates = [.. more], ForwardTargetGroup = "arn:tg" },
            Http = new ListenerState { Arn = "arn:http", Protocol = "HTTP", Port = 80, ForwardTargetGroup = "arn:tg" },
        };
        inventory.TargetGroups[Alb] = new TargetGroupState { Name = Alb, Arn = "arn:tg", Port = 9999, HealthCheck = Settings.HealthCheck, Targets = [.. Targets], Attributes = new() { ["deregistration_delay.timeout_seconds"] = "300" } };
        return inventory;
    }

    private static Plan Build(Dictionary<string, DesiredAlb> desired, AwsInventory inventory, IReadOnlyDictionary<string, DateTimeOffset>? unneeded = null, DateTimeOffset? now = null, IReadOnlySet<string>? targets = null) =>
        Planner.Build(desired, inventory, targets ?? Targets, Settings, unneeded ?? new Dictionary<string, DateTimeOffset>(), now ?? Now);

    [Fact]
    public void Build_EmptyAccount_CreatesLoadBalancerTargetGroupTargetsAndListenersInOrder()
    {
        var plan = Build(Want(Desired("c1", "c2")), new AwsInventory());

        plan.Changes.ShouldBe(
            new CreateLoadBalancer(Alb, Group, ["subnet-a", "subnet-b"], "sg-1"),
            new CreateTargetGroup(Alb, "HTTP", Settings.HealthCheck),
            new ModifyTargetGroupAttributes(Alb, new Dictionary<string, string> { ["deregistration_delay.timeout_seconds"] = "300" }),
            new RegisterTargets(Alb, ["i-1", "i-2"]),
            new CreateListener(Alb, "HTTPS", "c1", Group.SslPolicy, false),
            new AddListenerCertificates(Alb, ["c2"]),
            new CreateListener(Alb, "HTTP", null, null, false));
    }

    [Fact]
    public void Build_DeregistrationDelayDiffersFromWhatAwsReports_ModifiesOnlyThatAttribute()
    {
        var plan = Planner.Build(Want(Desired("c1", "c2")), Existing("c1", "c2"), Targets, Settings with { DeregistrationDelaySeconds = 30 }, new Dictionary<string, DateTimeOffset>(), Now);

        plan.Changes.ShouldBe(new ModifyTargetGroupAttributes(Alb, new Dictionary<string, string> { ["deregistration_delay.timeout_seconds"] = "30" }));
    }

    [Fact]
    public void Build_DeregistrationDelayEqualToWhatAwsReports_NoChange()
    {
        var plan = Planner.Build(Want(Desired("c1", "c2")), Existing("c1", "c2"), Targets, Settings with { DeregistrationDelaySeconds = 300 }, new Dictionary<string, DateTimeOffset>(), Now);

        plan.Changes.Should().BeEmpty();
    }

    [Fact]
    public void Build_NothingChanged_NoChanges()
    {
        Build(Want(Desired("c1", "c2")), Existing("c1", "c2")).Changes.Should().BeEmpty();
    }

    [Fact]
    public void Build_NewHost_AddsOneListenerCertificateAndNothingElse()
    {
        Build(Want(Desired("c1", "c2", "c3")), Existing("c1", "c2")).Changes.ShouldBe(new AddListenerCertificates(Alb, ["c3"]));
    }

    [Fact]
    public void Build_DefaultCertificateRotated_SwapsTheDefaultInOneCall()
    {
        var plan = Build(Want(Desired("c1-new", "c2")), Existing("c1", "c2"));

        plan.Changes.ShouldBe(new ModifyListener(Alb, "HTTPS", "c1-new", null, null));
    }

    [Fact]
    public void Build_SniCertificateRotated_AddsTheNewAndKeepsTheOldForTheGrace()
    {
        var plan = Build(Want(Desired("c1", "c2-new")), Existing("c1", "c2"));

        plan.Changes.ShouldBe(new AddListenerCertificates(Alb, ["c2-new"]));
        plan.Unneeded.Should().ContainKey($"cert:{Alb}:c2").WhoseValue.Should().Be(Now);

        var later = Build(Want(Desired("c1", "c2-new")), Existing("c1", "c2", "c2-new"), plan.Unneeded, Now + Settings.CleanupGrace);
        later.Changes.ShouldBe(new RemoveListenerCertificates(Alb, ["c2"]));
    }

    [Fact]
    public void Build_LingeringCertificateWhenTheRoomIsNeeded_IsRemovedAtOnce()
    {
        var wanted = Enumerable.Range(0, 25).Select(i => $"c{i:00}").ToArray();
        var attached = wanted.Take(24).Skip(1).Append("old").ToArray(); // 1 default + 23 + "old" = 25, the 25th wanted needs old's room

        var plan = Build(Want(Desired(wanted)), Existing(wanted[0], attached));

        plan.Changes.ShouldBe(new AddListenerCertificates(Alb, ["c24"]), new RemoveListenerCertificates(Alb, ["old"]));
    }

    [Fact]
    public void Build_TargetsChanged_RegistersAndDeregistersOnly()
    {
        var plan = Build(Want(Desired("c1")), Existing("c1"), targets: new HashSet<string> { "i-2", "i-3" });

        plan.Changes.ShouldBe(new RegisterTargets(Alb, ["i-3"]), new DeregisterTargets(Alb, ["i-1"]));
    }

    [Fact]
    public void Build_LoadBalancerNoLongerNeeded_DeletedOnlyAfterTheGrace()
    {
        var inventory = Existing("c1");
        var first = Build(Want(), inventory);
        first.Changes.ShouldBe(new TagUnused(Alb, CleanupTarget.LoadBalancer, Now));
        first.NextCleanupAt.Should().Be(Now + Settings.CleanupGrace);
        inventory.Albs[Alb].UnusedSince = Now; // as the applier records the tag

        var early = Build(Want(), inventory, first.Unneeded, Now + Settings.CleanupGrace - TimeSpan.FromSeconds(1));
        early.Changes.Should().BeEmpty();

        var due = Build(Want(), inventory, early.Unneeded, Now + Settings.CleanupGrace);
        due.Changes.ShouldBe(new DeleteLoadBalancer(Alb), new DeleteTargetGroup(Alb));
        due.Unneeded.Should().BeEmpty();
    }

    [Fact]
    public void Build_LoadBalancerNeededAgainWithinTheGrace_ForgetsTheCleanup()
    {
        var inventory = Existing("c1");
        var first = Build(Want(), inventory);
        inventory.Albs[Alb].UnusedSince = Now;
        var again = Build(Want(Desired("c1")), inventory, first.Unneeded, Now + TimeSpan.FromMinutes(5));

        again.Changes.ShouldBe(new UntagUnused(Alb, CleanupTarget.LoadBalancer));
        again.Unneeded.Should().BeEmpty();
    }

    [Fact]
    public void Build_DeletionProtectedLoadBalancer_IsNeverDeleted()
    {
        var inventory = Existing("c1");
        inventory.Albs[Alb].Attributes[AwsDefaults.DeletionProtection] = "true";
        inventory.Albs[Alb].UnusedSince = Now - TimeSpan.FromDays(1);

        Build(Want(), inventory, new Dictionary<string, DateTimeOffset> { [$"alb:{Alb}"] = Now - TimeSpan.FromDays(1) }).Changes.Should().BeEmpty();
    }

    [Fact]
    public void Build_OrphanTargetGroup_DeletedAfterTheGrace()
    {
        var inventory = new AwsInventory();
        inventory.TargetGroups["ing-cccccc-bbbbbb-0"] = new TargetGroupState { Name = "ing-cccccc-bbbbbb-0", Arn = "arn:tg-orphan" };

        Build(Want(), inventory).Changes.ShouldBe(new TagUnused("ing-cccccc-bbbbbb-0", CleanupTarget.TargetGroup, Now));
        Build(Want(), inventory, new Dictionary<string, DateTimeOffset> { ["tg:ing-cccccc-bbbbbb-0"] = Now - Settings.CleanupGrace })
            .Changes.ShouldBe(new DeleteTargetGroup("ing-cccccc-bbbbbb-0"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Build_UnusedSinceTag_AfterARestart_DeletesAtTheTaggedDeadlineNotOneGraceAfterTheRestart(int secondsShort, bool deleted)
    {
        var inventory = Existing("c1");
        inventory.Albs[Alb].UnusedSince = Now - Settings.CleanupGrace + TimeSpan.FromSeconds(secondsShort);

        var plan = Build(Want(), inventory, unneeded: new Dictionary<string, DateTimeOffset>()); // a fresh process remembers nothing

        if (deleted)
        {
            plan.Changes.ShouldBe(new DeleteLoadBalancer(Alb), new DeleteTargetGroup(Alb));
        }
        else
        {
            plan.Changes.Should().BeEmpty("the tag is there; only its deadline has not come");
            plan.NextCleanupAt.Should().Be(Now + TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void Build_ZeroGrace_DeletesAtOnceWithoutTaggingFirst()
    {
        var plan = Planner.Build(Want(), Existing("c1"), Targets, Settings with { CleanupGrace = TimeSpan.Zero }, new Dictionary<string, DateTimeOffset>(), Now);

        plan.Changes.ShouldBe(new DeleteLoadBalancer(Alb), new DeleteTargetGroup(Alb));
    }

    [Fact]
    public void Build_NoSubnetsFound_CreatesNothing()
    {
        Build(Want(Desired("c1") with { Subnets = null }), new AwsInventory()).Changes.Should().BeEmpty();
    }

    [Fact]
    public void Build_RedirectWanted_ModifiesTheHttpListener()
    {
        var desired = Desired("c1") with { Group = Group with { Redirect = true } };

        Build(Want(desired), Existing("c1")).Changes.ShouldBe(new ModifyListener(Alb, "HTTP", null, null, true));
    }

    [Fact]
    public void Build_AttributesDriftedFromTheFlags_AreSetBack()
    {
        var inventory = Existing("c1");
        inventory.Albs[Alb].Attributes[AwsDefaults.IdleTimeout] = "300";

        Build(Want(Desired("c1")), inventory).Changes.ShouldBe(
            new ModifyLoadBalancerAttributes(Alb, new Dictionary<string, string> { [AwsDefaults.IdleTimeout] = "60" }));
    }
}

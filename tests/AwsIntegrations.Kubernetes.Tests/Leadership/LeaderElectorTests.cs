using System.Diagnostics;
using AwsIntegrations.Kubernetes.Leadership;
using k8s;
using k8s.Models;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Leadership;

/// <summary>Three replicas in one process campaign for one Lease on the emulator; a monitor checks continuously that at most one leads.</summary>
public sealed class LeaderElectorTests : EmulatorTest
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ThreeReplicas_ExactlyOneLeads_HandoverOnCrashWithinALease_AndAtOnceOnGracefulStop()
    {
        var replicas = Enumerable.Range(0, 3).Select(i => new LeaderElector(Connection, Options($"replica-{i}"))).ToList();
        using var monitor = new LeadershipMonitor(replicas);
        foreach (var replica in replicas)
        {
            await replica.StartAsync(CancellationToken.None);
        }

        await Eventually.HoldsAsync(() => replicas.Count(r => r.IsLeader) == 1, "one replica leads");
        var first = replicas.Single(r => r.IsLeader);
        var firstToken = await first.WaitForLeadershipAsync(CancellationToken.None);

        var crash = Stopwatch.StartNew();
        await first.AbandonAsync();
        await Eventually.HoldsAsync(() => replicas.Count(r => r.IsLeader) == 1, "another replica takes over after the crash");
        var afterCrash = crash.Elapsed;
        var second = replicas.Single(r => r.IsLeader);

        var graceful = Stopwatch.StartNew();
        await second.StopAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => replicas.Count(r => r.IsLeader) == 1, "the last replica takes over after the release");
        var afterRelease = graceful.Elapsed;
        var third = replicas.Single(r => r.IsLeader);

        monitor.Violations.Should().Be(0, "two replicas must never lead at once");
        firstToken.IsCancellationRequested.Should().BeTrue("the crashed leader's work token is cancelled");
        new[] { first, second, third }.Select(r => r.Identity).Should().OnlyHaveUniqueItems();
        // The crashed leader's lease is not taken before it can have expired (its last renewal came at most one retry period
        // before the crash), and it is taken one lease duration after the candidates last saw it renewed, plus at most one
        // jittered retry; the 2 s of slack absorb timer delays while every test project of the CI runs at once on 2 cores.
        var retry = Options("x").RetryPeriod;
        afterCrash.Should().BeGreaterThanOrEqualTo(LeaseDuration - retry);
        afterCrash.Should().BeLessThan(LeaseDuration + (retry * 2.4) + TimeSpan.FromSeconds(2));
        // A released lease is taken within a retry period, well before it could have expired.
        afterRelease.Should().BeLessThan(LeaseDuration);
        var lease = await Client.CoordinationV1.ReadNamespacedLeaseAsync("controller-lock", "default");
        lease.Spec!.HolderIdentity.Should().Be(third.Identity);
        lease.Spec.LeaseTransitions.Should().Be(2);
        await third.StopAsync(CancellationToken.None);
        (await Client.CoordinationV1.ReadNamespacedLeaseAsync("controller-lock", "default")).Spec!.HolderIdentity.Should().BeEmpty();
    }

    [Fact]
    public async Task Elector_LeaseWithFieldsTheModelsDoNotKnow_TakesRenewsAndReleasesIt_KeepingThem()
    {
        // A released Lease, written by a newer server or another client with fields KubernetesClient's V1Lease does not have.
        Kube.Create("Lease", "default", System.Text.Json.Nodes.JsonNode.Parse("""
            {"metadata":{"name":"controller-lock","labels":{"team":"a"}},
             "spec":{"holderIdentity":"","leaseDurationSeconds":1,"leaseTransitions":4,"futureSpecField":"kept"},
             "futureTopLevel":{"x":1}}
            """)!.AsObject());
        var elector = new LeaderElector(Connection, Options("me"));
        await elector.StartAsync(CancellationToken.None);
        await elector.WaitForLeadershipAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        await Eventually.HoldsAsync(() => Kube.Requests.Count(r => r == ("patch", "leases")) >= 2, "it renews");

        var held = Kube.Get("Lease", "default", "controller-lock")!;
        await elector.StopAsync(CancellationToken.None);
        var released = Kube.Get("Lease", "default", "controller-lock")!;

        held["spec"]!["holderIdentity"]!.GetValue<string>().Should().Be("me");
        held["spec"]!["leaseTransitions"]!.GetValue<int>().Should().Be(5);
        held["spec"]!["renewTime"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", "metav1.MicroTime");
        released["spec"]!["holderIdentity"]!.GetValue<string>().Should().BeEmpty();
        foreach (var lease in new[] { held, released })
        {
            lease["spec"]!["futureSpecField"]!.GetValue<string>().Should().Be("kept");
            lease["futureTopLevel"]!["x"]!.GetValue<int>().Should().Be(1);
            lease["metadata"]!["labels"]!["team"]!.GetValue<string>().Should().Be("a");
        }

        Kube.Requests.Where(r => r.Resource == "leases").Select(r => r.Verb).Distinct().Should().BeEquivalentTo(["get", "patch"]);
    }

    [Fact]
    public async Task Leader_CannotRenew_StepsDownWithinTheRenewDeadline_AndCancelsItsToken()
    {
        await using var elector = new LeaderElector(Connection, Options("only"));
        await elector.StartAsync(CancellationToken.None);
        var token = await elector.WaitForLeadershipAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        Kube.Faults.Fail("patch", "leases", 500);

        await Eventually.HoldsAsync(() => token.IsCancellationRequested && !elector.IsLeader, "the leader steps down");
        Kube.Faults.Clear();
        await Eventually.HoldsAsync(() => elector.IsLeader, "it leads again once the server accepts renewals");
    }

    [Fact]
    public async Task Elector_LeaseHeldByAnotherLiveHolder_DoesNotLead()
    {
        await Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new V1Lease
            {
                Metadata = new V1ObjectMeta { Name = "controller-lock", NamespaceProperty = "default" },
                Spec = new V1LeaseSpec { HolderIdentity = "someone-else", LeaseDurationSeconds = 60, RenewTime = DateTime.UtcNow },
            },
            "default");
        await using var elector = new LeaderElector(Connection, Options("me"));
        await elector.StartAsync(CancellationToken.None);

        await Eventually.HoldsAsync(() => Kube.Requests.Count(r => r.Verb == "get" && r.Resource == "leases") >= 3, "several attempts");

        elector.IsLeader.Should().BeFalse();
        Kube.Requests.Should().NotContain(r => (r.Verb == "update" || r.Verb == "patch") && r.Resource == "leases");
    }

    [Theory]
    [InlineData("", 15, 10, 2, "lease name")]
    [InlineData("lock", 10, 10, 2, "leaseDuration")]
    [InlineData("lock", 15, 2, 2, "renewDeadline")]
    public void Options_Inconsistent_AreRejectedWithTheReason(string name, int lease, int renew, int retry, string reason)
    {
        var options = new LeaderElectionOptions
        {
            LeaseName = name,
            LeaseDuration = TimeSpan.FromSeconds(lease),
            RenewDeadline = TimeSpan.FromSeconds(renew),
            RetryPeriod = TimeSpan.FromSeconds(retry),
        };

        var act = () => new LeaderElector(Connection, options);

        act.Should().Throw<ArgumentException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void Options_Defaults_AreClientGos()
    {
        var options = new LeaderElectionOptions();

        (options.LeaseDuration, options.RenewDeadline, options.RetryPeriod).Should().Be((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)));
        options.ReleaseOnCancel.Should().BeTrue();
    }

    private static LeaderElectionOptions Options(string identity) => new()
    {
        LeaseName = "controller-lock",
        LeaseNamespace = "default",
        Identity = identity,
        LeaseDuration = LeaseDuration,
        RenewDeadline = TimeSpan.FromMilliseconds(1500),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Samples every replica's IsLeader every few milliseconds and counts moments with more than one leader.</summary>
    private sealed class LeadershipMonitor : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private int _violations;

        public LeadershipMonitor(IReadOnlyList<LeaderElector> replicas) =>
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    if (replicas.Count(r => r.IsLeader) > 1)
                    {
                        Interlocked.Increment(ref _violations);
                    }

                    await Task.Delay(2);
                }
            });

        public int Violations => _violations;

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}

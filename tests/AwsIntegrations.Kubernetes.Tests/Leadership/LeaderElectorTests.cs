using System.Diagnostics;
using AwsIntegrations.Kubernetes.Leadership;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Leadership;

/// <summary>Three replicas in one process campaign for one Lease on the emulator; a monitor checks continuously that at most one leads.</summary>
public sealed class LeaderElectorTests : EmulatorTest
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ThreeReplicas_ExactlyOneLeads_HandoverOnCrashWithinALease_AndAtOnceOnGracefulStop()
    {
        var replicas = Enumerable.Range(0, 3).Select(i => new LeaderElector(Client, Options($"replica-{i}"))).ToList();
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
        var lease = await Client.GetAsync<Lease>("default", "controller-lock");
        lease.Spec!.HolderIdentity.Should().Be(third.Identity);
        lease.Spec.LeaseTransitions.Should().Be(2);
        await third.StopAsync(CancellationToken.None);
        (await Client.GetAsync<Lease>("default", "controller-lock")).Spec!.HolderIdentity.Should().BeEmpty();
    }

    [Fact]
    public async Task Leader_CannotRenew_StepsDownWithinTheRenewDeadline_AndCancelsItsToken()
    {
        await using var elector = new LeaderElector(Client, Options("only"));
        await elector.StartAsync(CancellationToken.None);
        var token = await elector.WaitForLeadershipAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        Kube.Faults.Fail("update", "leases", 500);

        await Eventually.HoldsAsync(() => token.IsCancellationRequested && !elector.IsLeader, "the leader steps down");
        Kube.Faults.Clear();
        await Eventually.HoldsAsync(() => elector.IsLeader, "it leads again once the server accepts renewals");
    }

    [Fact]
    public async Task Elector_LeaseHeldByAnotherLiveHolder_DoesNotLead()
    {
        await Client.CreateAsync(new Lease
        {
            Metadata = new ObjectMeta { Name = "controller-lock", Namespace = "default" },
            Spec = new LeaseSpec { HolderIdentity = "someone-else", LeaseDurationSeconds = 60, RenewTime = DateTimeOffset.UtcNow },
        });
        await using var elector = new LeaderElector(Client, Options("me"));
        await elector.StartAsync(CancellationToken.None);

        await Eventually.HoldsAsync(() => Kube.Requests.Count(r => r.Verb == "get" && r.Resource == "leases") >= 3, "several attempts");

        elector.IsLeader.Should().BeFalse();
        Kube.Requests.Should().NotContain(r => r.Verb == "update" && r.Resource == "leases");
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

        var act = () => new LeaderElector(Client, options);

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

using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kubernetes.Leadership;

namespace AwsIntegrations.Kubernetes.Tests.Leadership;

public sealed class LeaderElectionFlagsTests
{
    private sealed class ControllerOptions : ServiceOptions
    {
        [FlagGroup]
        public LeaderElectionFlags LeaderElection { get; set; } = new();
    }

    [Fact]
    public void Bind_Nothing_LeadsFromTheDefaultNamespaceWithClientGoTimings()
    {
        var flags = FlagBinder.Bind<ControllerOptions>([], _ => null).LeaderElection;

        flags.LeaderElect.Should().BeTrue();
        flags.Namespace.Should().Be("default");
        (flags.LeaseDuration, flags.RenewDeadline, flags.RetryPeriod).Should().Be((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Bind_PodNamespaceFromTheDownwardApi_IsTheLeaseNamespace()
    {
        FlagBinder.Bind<ControllerOptions>([], name => name == "POD_NAMESPACE" ? "kube-system" : null).LeaderElection.Namespace.Should().Be("kube-system");
        FlagBinder.Bind<ControllerOptions>(["--leader-election-namespace", "ops"], name => name == "POD_NAMESPACE" ? "kube-system" : null)
            .LeaderElection.Namespace.Should().Be("ops", "the flag wins over the environment");
    }

    [Theory]
    [InlineData("--leader-elect-lease-duration=10s", "leader election needs*")]
    [InlineData("--leader-elect-retry-period=9s", "leader election needs*")]
    [InlineData("--leader-election-namespace=", "--leader-election-namespace must name a namespace*")]
    public void Bind_InconsistentSettings_AreRefusedWithWhatToFix(string flag, string message)
    {
        var bind = () => FlagBinder.Bind<ControllerOptions>([flag], _ => null);

        bind.Should().Throw<FlagException>().WithMessage(message);
    }

    [Fact]
    public void Bind_NoLeaderElection_DoesNotNeedANamespace()
    {
        var flags = FlagBinder.Bind<ControllerOptions>(["--leader-elect=false", "--leader-election-namespace="], _ => null).LeaderElection;

        flags.LeaderElect.Should().BeFalse();
    }

    [Fact]
    public void ForLease_CarriesTheFlagsIntoTheElectorsSettings()
    {
        var flags = new LeaderElectionFlags { Namespace = "ops", LeaseDuration = TimeSpan.FromSeconds(30), RenewDeadline = TimeSpan.FromSeconds(20), RetryPeriod = TimeSpan.FromSeconds(4) };

        var options = flags.ForLease("dns-controller");

        options.LeaseName.Should().Be("dns-controller");
        options.LeaseNamespace.Should().Be("ops");
        (options.LeaseDuration, options.RenewDeadline, options.RetryPeriod).Should().Be((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(4)));
        options.Identity.Should().NotBeNullOrWhiteSpace();
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }
}

using AwsIntegrations.Hosting.Options;
using AwsIntegrations.JobCleaner.Options;

namespace JobCleaner.Tests.Options;

public class JobCleanerOptionsTests
{
    private static JobCleanerOptions Bind(params string[] args) => FlagBinder.Bind<JobCleanerOptions>(args, _ => null);

    [Fact]
    public void Bind_NoFlags_HasKubeJobCleanersDefaults()
    {
        var options = Bind();
        var policy = options.DefaultPolicy();

        policy.SucceededAge.Should().Be(TimeSpan.FromHours(1));
        policy.FailedAge.Should().Be(TimeSpan.FromHours(1));
        policy.Timeout.Should().BeNull("--timeout-seconds defaults to -1: never");
        options.DryRun.Should().BeFalse();
        options.Interval.Should().Be(TimeSpan.FromSeconds(60));
        options.IncludeCronJobJobs.Should().BeFalse();
        options.DeleteOrphanPods.Should().BeFalse();
        options.Scope().AllNamespaces.Should().BeTrue();
    }

    [Fact]
    public void Bind_KubeJobCleanersArgs_MeanTheSame()
    {
        var options = Bind("--seconds", "7200", "--timeout-seconds", "900", "--dry-run", "--namespace", "batch");
        var policy = options.DefaultPolicy();

        policy.SucceededAge.Should().Be(TimeSpan.FromHours(2));
        policy.FailedAge.Should().Be(TimeSpan.FromHours(2));
        policy.Timeout.Should().Be(TimeSpan.FromMinutes(15));
        options.DryRun.Should().BeTrue();
        options.Scope().Included.Should().Equal("batch");
    }

    [Fact]
    public void Bind_SeparateAges_DefaultToSeconds()
    {
        var policy = Bind("--seconds=600", "--failed-seconds=86400").DefaultPolicy();

        policy.SucceededAge.Should().Be(TimeSpan.FromMinutes(10));
        policy.FailedAge.Should().Be(TimeSpan.FromDays(1));
    }

    [Fact]
    public void Bind_NamespaceLists_AreCommaSeparated()
    {
        var scope = Bind("--include-namespaces", "batch,etl", "--exclude-namespaces=etl-canary").Scope();

        scope.Included.Should().Equal("batch", "etl");
        scope.Excluded.Should().Equal("etl-canary");
    }

    [Theory]
    [InlineData("invalid value \"soon\" for --seconds", "--seconds", "soon")]
    [InlineData("invalid value \"-5\" for --timeout-seconds", "--timeout-seconds", "-5")]
    [InlineData("invalid value \"-1\" for --failed-seconds", "--failed-seconds", "-1")]
    [InlineData("invalid value \"0\" for --interval", "--interval", "0")]
    [InlineData("invalid value \"0\" for --page-size", "--page-size", "0")]
    public void Bind_BadValue_NamesTheFlag(string message, string flag, string value)
    {
        var bind = () => Bind(flag, value);

        bind.Should().Throw<FlagException>().WithMessage(message + "*");
    }

    [Fact]
    public void Bind_NamespaceAndIncludeNamespaces_IsRefused()
    {
        var bind = () => Bind("--namespace", "batch", "--include-namespaces", "etl");

        bind.Should().Throw<FlagException>().WithMessage("--namespace and --include-namespaces both name the namespaces to clean: use one");
    }

    [Fact]
    public void Bind_NamespaceIncludedAndExcluded_IsRefused()
    {
        var bind = () => Bind("--include-namespaces", "batch,etl", "--exclude-namespaces", "etl");

        bind.Should().Throw<FlagException>().WithMessage("namespace etl is both included and excluded");
    }

    [Fact]
    public void Bind_LeaderElectionTimesOutOfOrder_IsRefused()
    {
        var bind = () => Bind("--leader-elect-lease-duration", "5s", "--leader-elect-renew-deadline", "10s");

        bind.Should().Throw<FlagException>().WithMessage("leader election needs*");
    }

    [Fact]
    public void Bind_LeaderElectionNamespace_FallsBackToPodNamespace()
    {
        var options = FlagBinder.Bind<JobCleanerOptions>([], name => name == "POD_NAMESPACE" ? "ops" : null);

        options.LeaderElection.Namespace.Should().Be("ops");
    }
}

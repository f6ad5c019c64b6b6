using AwsIntegrations.Hosting.Options;
using AwsIntegrations.JobCleaner.Options;

namespace AwsIntegrations.JobCleaner.Tests.Options;

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
        options.Interval.Should().BeNull();
        options.PassInterval.Should().Be(TimeSpan.FromSeconds(60));
        options.Once.Should().BeNull("the cleaner's own pod decides: one pass in a Job's pod, else a loop");
        options.DeleteFinishedPods.Should().BeFalse();
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

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-5")]
    public void Bind_TimeoutSecondsOfZeroOrLess_NeverTimesOut(string value)
    {
        // kube-job-cleaner cleaner.py: --timeout-seconds is an int (default -1) applied only `if cleanup_timeout > 0`.
        Bind("--timeout-seconds", value).DefaultPolicy().Timeout.Should().BeNull();
    }

    [Fact]
    public void Bind_SecondsOfZero_DeletesFinishedJobsAtOnce_AsKubeJobCleanerDoes()
    {
        // cleaner.py: `if seconds_since_completion > max_age`: with --seconds 0 every finished Job is due.
        var policy = Bind("--seconds", "0").DefaultPolicy();

        policy.SucceededAge.Should().Be(TimeSpan.Zero);
        policy.FailedAge.Should().Be(TimeSpan.Zero);
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

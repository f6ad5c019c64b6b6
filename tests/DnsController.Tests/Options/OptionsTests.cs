using AwsIntegrations.DnsController.Options;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Testing;

namespace AwsIntegrations.DnsController.Tests.Options;

public class OptionsTests
{
    private static DnsControllerOptions Bind(params string[] args) => FlagBinder.Bind<DnsControllerOptions>(args, _ => null);

    [Fact]
    public void Bind_Defaults_FollowExternalDnsAndTheSuite()
    {
        var options = Bind();

        options.Sources.Should().Equal("ingress", "service");
        options.IngressClasses.Should().BeEmpty("external-dns publishes Ingresses of every class unless --ingress-class says otherwise");
        options.IgnoreIngressTlsSpec.Should().BeFalse("external-dns publishes spec.tls hosts unless --ignore-ingress-tls-spec");
        options.AaaaAlias.Should().Be(AaaaAlias.Always, "external-dns writes an A and an AAAA ALIAS for every load balancer hostname since v0.16");
        options.Policy.Should().Be(Policy.Sync);
        options.TxtOwnerId.Should().Be("default");
        options.Interval.Should().Be(TimeSpan.FromMinutes(1));
        options.ResyncInterval.Should().Be(TimeSpan.FromHours(1));
        options.Aws.Route53Rps.Should().Be(3);
        options.MetricsPort.Should().Be(7979);
    }

    [Fact]
    public void Bind_ExternalDnsHelmChartArgs_WithTuningExtraArgs_StartAndMapOntoOurs()
    {
        // external-dns charts/external-dns/templates/deployment.yaml with values.yaml's defaults (logFormat text, interval 1m,
        // sources service and ingress, registry txt, provider aws), policy and txtOwnerId set, and extraArgs as the template
        // renders them: "--key=value" and "--no-key" for false.
        var options = Bind("--log-level=info", "--log-format=text", "--interval=1m", "--source=service", "--source=ingress",
            "--policy=upsert-only", "--registry=txt", "--txt-owner-id=prod-eu-1", "--provider=aws",
            "--aws-batch-change-size=1000", "--aws-batch-change-interval=1s", "--aws-zones-cache-duration=3h", "--txt-cache-interval=1h",
            "--aws-api-retries=5", "--min-event-sync-interval=10s", "--no-aws-evaluate-target-health", "--metrics-address=:7979");

        options.Policy.Should().Be(Policy.UpsertOnly);
        options.Aws.MaxAttempts.Should().Be(6, "--aws-api-retries counts retries, --aws-max-attempts the first try too");
        options.Debounce.Should().Be(TimeSpan.FromSeconds(10));
        options.EvaluateTargetHealth.Should().BeFalse();
        options.MetricsAddress.Should().Be("0.0.0.0");
        options.MetricsPort.Should().Be(7979);
        options.ExternalDns.Ignored().Select(i => i.Flag).Should().Equal(
            "--aws-batch-change-size", "--aws-batch-change-interval", "--aws-zones-cache-duration", "--txt-cache-interval");
    }

    [Theory]
    [InlineData("--aws-zone-tags=team=web")]
    [InlineData("--managed-record-types=A")]
    [InlineData("--aws-assume-role=arn:aws:iam::123456789012:role/dns")]
    [InlineData("--annotation-prefix=custom/")]
    public void Bind_ExternalDnsFlagThatWouldWidenOrMoveWhatIsWritten_StopsTheStart(string flag)
    {
        var act = () => Bind("--provider=aws", flag);

        act.Should().Throw<FlagException>().Which.Message.Should().Contain(flag.Split('=')[0]);
    }

    [Fact]
    public void Bind_ExternalDnsStyleArgs_AreUnderstood()
    {
        var options = Bind("--source=ingress", "--domain-filter=example.com", "--domain-filter=example.org", "--policy=upsert-only",
            "--txt-owner-id=cluster-1", "--txt-prefix=%{record_type}-", "--aws-zone-type=private", "--interval=30s", "--once", "--dry-run");

        options.Sources.Should().Equal("ingress");
        options.DomainFilter.Should().Equal("example.com", "example.org");
        options.Policy.Should().Be(Policy.UpsertOnly);
        options.TxtOwnerId.Should().Be("cluster-1");
        options.AwsZoneType.Should().Be("private");
        options.Interval.Should().Be(TimeSpan.FromSeconds(30));
        options.Once.Should().BeTrue();
        options.DryRun.Should().BeTrue();
    }

    // The args of external-dns' AWS tutorial (docs/tutorials/aws.md) that select what DnsController always is.
    [Fact]
    public void Bind_ExternalDnsProviderRegistryAndEvents_AreAccepted()
    {
        var options = Bind("--provider=aws", "--registry=txt", "--events", "--aws-prefer-cname");

        options.Provider.Should().Be("aws");
        options.Registry.Should().Be("txt");
        options.AwsPreferCname.Should().BeTrue();
    }

    [Theory]
    [InlineData("--provider=google", "--provider")]
    [InlineData("--registry=dynamodb", "--registry")]
    [InlineData("--aws-aaaa-alias=never", "--aws-aaaa-alias")]
    [InlineData("--source=pod", "--source")]
    [InlineData("--policy=delete-everything", "--policy")]
    [InlineData("--aws-zone-type=secret", "--aws-zone-type")]
    [InlineData("--txt-owner-id=a,b", "--txt-owner-id")]
    [InlineData("--annotation-filter=!x", "--annotation-filter")]
    [InlineData("--interval=0s", "--interval")]
    public void Bind_BadValue_IsAClearError(string arg, string flag)
    {
        var bind = () => Bind(arg);

        bind.Should().Throw<FlagException>().Which.Message.Should().Contain(flag);
    }

    [Fact]
    public void Bind_PrefixAndSuffixTogether_IsAnError()
    {
        var bind = () => Bind("--txt-prefix=p-", "--txt-suffix=-s");

        bind.Should().Throw<FlagException>().Which.Message.Should().Contain("--txt-prefix");
    }

    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var (written, generated) = ReadmeFlagTable.Compare("DnsController", new DnsControllerOptions());

        written.Should().Be(generated, ReadmeFlagTable.HowToRegenerate);
    }
}

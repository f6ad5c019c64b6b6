using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Tests.Sources;

public class EndpointBuilderTests
{
    private const string Alb = "web-1234567890.eu-central-1.elb.amazonaws.com";

    private static SourceObject Ingress(string[] hosts, string[] targets, Dictionary<string, string>? annotations = null) =>
        new("ingress", "default", "web", annotations ?? [], hosts, targets);

    private static AliasTarget? Table(string host) => CanonicalHostedZones.For(host) is { } zone ? new AliasTarget(zone, false) : null;

    private static (IReadOnlyList<DesiredRecord> Records, IReadOnlyList<SourceProblem> Problems) Build(SourceObject source) =>
        EndpointBuilder.Build(source, new RecordSettings(), Table);

    // external-dns provider/aws/aws.go AdjustEndpoints (since v0.16): a CNAME to an ELB becomes an A ALIAS and an AAAA ALIAS.
    [Fact]
    public void Build_AlbHostname_GivesAliasAAndAaaaWithTheRegionsZone()
    {
        var (records, problems) = Build(Ingress(["WWW.Example.com."], [Alb]));

        problems.Should().BeEmpty();
        records.Select(r => r.Type).Should().Equal("A", "AAAA");
        records[0].Should().BeEquivalentTo(new DesiredRecord("www.example.com", "A", [Alb], "ingress/default/web") { AliasZoneId = "Z215JYRZR1TBD5", TtlConfigured = false });
        records[1].Should().BeEquivalentTo(records[0] with { Type = "AAAA" });
    }

    [Fact]
    public void Build_AaaaAliasDualStackOnly_AddsAaaaOnlyForADualStackLoadBalancer()
    {
        var settings = new RecordSettings(AaaaAlias: AaaaAlias.DualStack);

        var (single, _) = EndpointBuilder.Build(Ingress(["www.example.com"], [Alb]), settings, Table);
        var (dual, _) = EndpointBuilder.Build(Ingress(["www.example.com"], [Alb]), settings, _ => new AliasTarget("Z215JYRZR1TBD5", DualStack: true));

        single.Select(r => r.Type).Should().Equal("A");
        dual.Select(r => r.Type).Should().Equal("A", "AAAA");
        dual.Should().OnlyContain(r => r.IsAlias);
    }

    [Theory]
    [InlineData("A", "A")]
    [InlineData("AAAA", "AAAA")]
    [InlineData("true", "A,AAAA")]
    public void Build_AliasAnnotationNamesTheType_GivesOnlyThatAlias(string alias, string types)
    {
        var (records, _) = Build(Ingress(["www.example.com"], [Alb], new() { ["external-dns.alpha.kubernetes.io/alias"] = alias }));

        string.Join(",", records.Select(r => r.Type)).Should().Be(types);
    }

    [Fact]
    public void Build_TtlAnnotation_IsConfiguredAndWithoutItTheDefaultIsNot()
    {
        var (withTtl, _) = Build(Ingress(["www.example.com"], ["192.0.2.1"], new() { ["external-dns.alpha.kubernetes.io/ttl"] = "60" }));
        var (without, _) = EndpointBuilder.Build(Ingress(["www.example.com"], ["192.0.2.1"]), new RecordSettings(DefaultTtl: 120), Table);

        withTtl.Single().Should().Match<DesiredRecord>(r => r.Ttl == 60 && r.TtlConfigured);
        without.Single().Should().Match<DesiredRecord>(r => r.Ttl == 120 && !r.TtlConfigured);
    }

    [Fact]
    public void Build_OtherHostname_GivesCname()
    {
        var (records, _) = Build(Ingress(["www.example.com"], ["lb.example.net"]));

        records.Should().ContainSingle(r => r.Type == "CNAME" && r.Targets[0] == "lb.example.net" && !r.IsAlias);
    }

    [Fact]
    public void Build_Ips_GiveAAndAaaa()
    {
        var (records, _) = Build(Ingress(["www.example.com"], ["192.0.2.2", "2001:db8::1", "192.0.2.1"]));

        records.Select(r => (r.Type, string.Join(",", r.Targets))).Should().Equal(("A", "192.0.2.1,192.0.2.2"), ("AAAA", "2001:db8::1"));
    }

    [Theory]
    [InlineData("external-dns.alpha.kubernetes.io/")]
    [InlineData("external-dns.kubernetes.io/")]
    [InlineData("aws-integrations.io/")]
    public void Build_AnnotationsUnderEveryPrefix_AreRead(string prefix)
    {
        var annotations = new Dictionary<string, string>
        {
            [prefix + "hostname"] = "api.example.com, www.example.com",
            [prefix + "ttl"] = "60",
            [prefix + "target"] = "192.0.2.7",
            [prefix + "set-identifier"] = "blue",
            [prefix + "aws-weight"] = "20",
        };

        var (records, problems) = Build(Ingress([], [Alb], annotations));

        problems.Should().BeEmpty();
        records.Select(r => r.Name).Should().Equal("api.example.com", "www.example.com");
        records.Should().OnlyContain(r => r.Type == "A" && r.Ttl == 60 && r.Targets.Single() == "192.0.2.7" && r.SetIdentifier == "blue" && r.Weight == 20);
    }

    [Fact]
    public void Build_AliasFalse_GivesCnameForAnAlb()
    {
        var (records, _) = Build(Ingress(["www.example.com"], [Alb], new() { ["external-dns.alpha.kubernetes.io/alias"] = "false" }));

        records.Single().Type.Should().Be("CNAME");
    }

    // external-dns provider/aws/aws.go useAlias: with --aws-prefer-cname a load balancer hostname is a CNAME, unless alias says otherwise.
    [Fact]
    public void Build_PreferCname_GivesCnameUnlessTheAliasAnnotationAsks()
    {
        var settings = new RecordSettings(PreferCname: true);

        EndpointBuilder.Build(Ingress(["www.example.com"], [Alb]), settings, Table).Records.Single().Type.Should().Be("CNAME");
        EndpointBuilder.Build(Ingress(["www.example.com"], [Alb], new() { ["external-dns.alpha.kubernetes.io/alias"] = "true" }), settings, Table).Records
            .Select(r => r.Type).Should().Equal("A", "AAAA");
    }

    [Fact]
    public void Build_TtlAsDuration_IsSeconds()
    {
        var (records, _) = Build(Ingress(["www.example.com"], ["192.0.2.1"], new() { ["external-dns.alpha.kubernetes.io/ttl"] = "2m" }));

        records.Single().Ttl.Should().Be(120);
    }

    [Theory]
    [InlineData("ttl", "soon", "ttl \"soon\"")]
    [InlineData("ttl", "0", "ttl \"0\"")]
    [InlineData("aws-weight", "heavy", "aws-weight \"heavy\"")]
    [InlineData("set-identifier", "blue", "set-identifier needs a routing policy")]
    public void Build_BadAnnotation_IsAProblemAndTheRecordStillComes(string key, string value, string message)
    {
        var (records, problems) = Build(Ingress(["www.example.com"], ["192.0.2.1"], new() { ["external-dns.kubernetes.io/" + key] = value }));

        records.Should().ContainSingle();
        problems.Should().ContainSingle(p => p.Reason == "InvalidAnnotation" && p.Message.Contains(message));
    }

    [Fact]
    public void Build_InvalidHostname_IsAProblem()
    {
        var (records, problems) = Build(Ingress(["bad_host..example.com", "ok.example.com"], ["192.0.2.1"]));

        records.Select(r => r.Name).Should().Equal("ok.example.com");
        problems.Should().ContainSingle(p => p.Reason == "InvalidHostname");
    }

    [Fact]
    public void Build_NoLoadBalancerYet_GivesNothingAndNoProblem()
    {
        var (records, problems) = Build(Ingress(["www.example.com"], []));

        records.Should().BeEmpty();
        problems.Should().BeEmpty();
    }
}

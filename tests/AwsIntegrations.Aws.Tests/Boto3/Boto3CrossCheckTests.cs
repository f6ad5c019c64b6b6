using System.Text.Json.Nodes;
using AwsIntegrations.Aws.Tests.Acm;
using AwsIntegrations.Emulators.Aws;
using Xunit.Abstractions;

namespace AwsIntegrations.Aws.Tests.Boto3;

/// <summary>
/// boto3 (AWS's own client, Debian python3-boto3) against the emulator: its serializers, SigV4 signer and response
/// parsers catch shape mistakes our client and emulator could share. A field boto3 cannot find comes back missing.
/// </summary>
public sealed class Boto3CrossCheckTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Boto3_EveryServiceAndImds_ParsesWhatTheEmulatorAnswers()
    {
        await using var aws = await AwsEmulator.StartAsync(0);

        // This tour checks response shapes in one pass; AWS's timing and throttling have their own tour (Boto3BehaviorTests).
        aws.State.Behavior.MakeInstant();
        aws.State.Behavior.ChangePropagation = TimeSpan.FromSeconds(60);
        var directory = Directory.CreateTempSubdirectory("boto3-");
        var pem = TestCertificates.Rsa("boto.example", alternativeNames: ["*.boto.example"]);
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "cert.pem"), pem.Certificate);
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "key.pem"), pem.PrivateKey);
        var result = await Boto3Tour.RunAsync("emulator_tour.py", output, TimeSpan.FromSeconds(60),
            aws.BaseUrl.ToString().TrimEnd('/'), Path.Combine(directory.FullName, "cert.pem"), Path.Combine(directory.FullName, "key.pem"));

        directory.Delete(recursive: true);

        var subnets = result["subnets"]!.AsArray();
        subnets.Select(s => (string)s!["az"]!).Should().Equal("eu-central-1a", "eu-central-1b");
        ((string)subnets[0]!["tags"]!["kubernetes.io/role/elb"]!).Should().Be("1");
        ((int)subnets[0]!["free"]!).Should().Be(250);
        var instances = result["instances"]!.AsArray();
        instances.Should().HaveCount(3);
        ((int)instances[0]!["code"]!).Should().Be(16);
        ((string)instances[0]!["ip"]!).Should().Be("10.0.1.10");
        ((string)instances[0]!["launch"]!).Should().NotBeNullOrEmpty();
        ((string)instances[0]!["groups"]![0]!).Should().Be("sg-0a1b2c3d4e5f60001");
        result["route_tables"]!.AsArray().Should().Contain(t => t!["gateways"]!.AsArray().Any(g => ((string)g!).StartsWith("igw-", StringComparison.Ordinal)));
        ((string)result["errors"]!["ec2_missing_subnet"]!["code"]!).Should().Be("InvalidSubnetID.NotFound");

        var certificate = result["certificate"]!;
        ((string)certificate["domain"]!).Should().Be("boto.example");
        certificate["sans"]!.AsArray().Select(s => (string)s!).Should().Equal("boto.example", "*.boto.example");
        ((string)certificate["key"]!).Should().Be("RSA_2048");
        certificate["listed"]!.AsArray().Select(a => (string)a!).Should().Contain((string)certificate["arn"]!);
        ((string)result["errors"]!["acm_missing"]!["code"]!).Should().Be("ResourceNotFoundException");

        var elb = result["elb"]!;
        ((string)elb["dns"]!).Should().MatchRegex(@"^boto-\d{10}\.eu-central-1\.elb\.amazonaws\.com$");
        ((string)elb["zone"]!).Should().Be("Z215JYRZR1TBD5");
        ((string)elb["state"]!).Should().Be("active");
        elb["azs"]!.AsArray().Should().HaveCount(2);
        elb["paged_names"]!.AsArray().Select(n => (string)n!).Should().Equal("boto", "boto-internal");
        ((string)elb["tg_matcher"]!).Should().Be("200-399");
        elb["health"]!.AsArray().Select(h => (string)h!["state"]!).Should().Equal("healthy", "healthy");
        ((int)elb["health"]![1]!["port"]!).Should().Be(8080);
        ((string)elb["listener_cert"]![0]!).Should().Be((string)certificate["arn"]!);
        ((string)elb["ssl_policy"]!).Should().Be("ELBSecurityPolicy-2016-08");
        ((string)elb["redirect"]!["StatusCode"]!).Should().Be("HTTP_301");
        ((string)elb["attributes"]!["deletion_protection.enabled"]!).Should().Be("false");
        ((string)elb["tags"]!["owner"]!).Should().Be("boto");
        ((bool)elb["listener_certs"]![0]![1]!).Should().BeTrue();
        var elbError = result["errors"]!["elb_missing"]!;
        ((string)elbError["code"]!).Should().Be("LoadBalancerNotFound");
        ((string)elbError["request_id"]!).Should().NotBeNullOrEmpty();
        var nlb = result["nlb"]!;
        ((string)nlb["type"]!).Should().Be("network");
        nlb["groups"]!.AsArray().Should().BeEmpty();
        ((string)nlb["dns"]!).Should().MatchRegex(@"^boto-nlb-[0-9a-f]{16}\.elb\.eu-central-1\.amazonaws\.com$");
        ((string)nlb["listener"]!).Should().Be("TLS");
        ((string)nlb["ssl_policy"]!).Should().Be("ELBSecurityPolicy-TLS13-1-2-2021-06");
        ((string)nlb["tg_protocol"]!, (string)nlb["tg_check"]!, (string)nlb["tg_path"]!).Should().Be(("TCP", "HTTP", "/kube-system/healthz"));
        ((string)result["errors"]!["elb_unknown_ssl_policy"]!["code"]!).Should().Be("SSLPolicyNotFound");
        ((int)result["errors"]!["elb_unknown_ssl_policy"]!["status"]!).Should().Be(400);

        var route53 = result["route53"]!;
        ((string)route53["zone_id"]!).Should().StartWith("/hostedzone/Z");
        route53["name_servers"]!.AsArray().Should().HaveCount(4);
        ((string)route53["comment"]!).Should().Be("boto");
        ((string)route53["change_status"]!).Should().Be("PENDING");
        var records = route53["records"]!.AsArray();
        records.Select(r => (string)r!["name"]!).Should().Equal("boto.example.", "boto.example.", "\\052.boto.example.", "lb.boto.example.", "www.boto.example.");
        ((string)records.Single(r => (string)r!["name"]! == "lb.boto.example.")!["alias"]!["HostedZoneId"]!).Should().Be("Z215JYRZR1TBD5");
        ((string)records.Single(r => (string)r!["name"]! == "www.boto.example.")!["values"]![0]!).Should().Be("192.0.2.1");
        var duplicate = result["errors"]!["route53_duplicate"]!;
        ((string)duplicate["code"]!).Should().Be("InvalidChangeBatch");
        ((string)duplicate["message"]!).Should().Contain("already exists");
        ((int)result["errors"]!["route53_missing_zone"]!["status"]!).Should().Be(404);

        var sts = result["sts"]!;
        ((string)sts["arn"]!).Should().Be("arn:aws:sts::123456789012:assumed-role/boto/boto");
        ((string)sts["source"]!).Should().Be("boto-src");
        ((string)sts["caller"]!).Should().MatchRegex("^AROA[0-9A-F]{17}:boto$", "GetCallerIdentity of a role session: role id and session name");
        ((string)result["errors"]!["sts_denied"]!["code"]!).Should().Be("AccessDenied");

        ((string)result["imds"]!["role"]!).Should().Be("sandbox-node");
        ((string)result["imds"]!["access_key"]!).Should().StartWith("ASIA");
        aws.Calls.Of("imds", "GetToken").Should().NotBeEmpty("botocore's fetcher speaks IMDSv2");
    }
}

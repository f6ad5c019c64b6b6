using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using Xunit.Abstractions;

namespace AwsIntegrations.Aws.Tests.Boto3;

/// <summary>
/// boto3 against the emulator's default, AWS-like behaviour over time (Boto3/behavior_tour.py): what AWS's own client
/// parses from a provisioning load balancer, targets in initial and draining, PENDING Route 53 changes, a certificate
/// waiting for its DNS validation record, throttling and the request limits.
/// </summary>
public sealed class Boto3BehaviorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Boto3_RealisticDefaults_SeesAwsTimingLimitsAndErrors()
    {
        await using var aws = await AwsEmulator.StartAsync(0);
        var result = await Boto3Tour.RunAsync("behavior_tour.py", output, TimeSpan.FromSeconds(120), aws.BaseUrl.ToString().TrimEnd('/'));

        // Route 53: five requests per second for the account (a full bucket of 5, refilled at 5/s), then Throttling /
        // Rate exceeded (HTTP 400). 20 calls from 10 threads: however slow the machine, no more than the bucket allows pass.
        var route53 = result["route53_throttle"]!["calls"]!.AsArray();
        var seconds = (double)result["route53_throttle"]!["seconds"]!;
        var passed = route53.Count(call => call is null);
        passed.Should().BeGreaterThanOrEqualTo(5).And.BeLessThanOrEqualTo(5 + (int)Math.Ceiling(5 * seconds));
        var throttled = route53.Where(call => call is not null).ToList();
        throttled.Should().NotBeEmpty($"20 calls in {seconds:0.00} s exceed 5 per second");
        throttled.Should().AllSatisfy(call =>
        {
            ((string)call!["code"]!).Should().Be("Throttling");
            ((string)call["message"]!).Should().Be("Rate exceeded");
            ((int)call["status"]!).Should().Be(400);
        });

        // A new load balancer provisions, and is not described at all for a moment.
        ((string)result["lb_created_state"]!).Should().Be("provisioning");
        ((string)result["lb_describe_at_once"]!["code"]!).Should().Be("LoadBalancerNotFound");
        result["lb_states"]!.AsArray().Select(s => (string)s!).Should().ContainInOrder("provisioning", "active");

        // Targets: initial while the load balancer provisions, then initial health checks, then healthy; draining after.
        ((string)result["target_while_provisioning"]!).Should().Be("initial/Elb.RegistrationInProgress");
        var targets = result["target_states"]!.AsArray().Select(s => (string)s!).ToList();
        targets.Should().ContainInOrder("initial/Elb.InitialHealthChecking", "healthy/");
        ((string)result["target_after_deregister"]!).Should().Be("draining/Target.DeregistrationInProgress");
        ((string)result["describe_tags_21"]!["code"]!).Should().Be("ValidationError");

        // Route 53: PENDING, then INSYNC; pages of at most 300 records; at most 1,000 values a batch.
        ((string)result["change_at_once"]!).Should().Be("PENDING");
        result["change_states"]!.AsArray().Select(s => (string)s!).Should().ContainInOrder("PENDING", "INSYNC");
        ((int)result["records_page"]!["count"]!).Should().Be(300);
        ((bool)result["records_page"]!["truncated"]!).Should().BeTrue();
        ((string)result["batch_1001"]!["code"]!).Should().Be("InvalidChangeBatch");

        // ACM: a requested certificate waits in PENDING_VALIDATION for its CNAME, then is issued.
        var requested = result["certificate_requested"]!;
        ((string)requested["status"]!).Should().Be("PENDING_VALIDATION");
        ((string)requested["type"]!).Should().Be("AMAZON_ISSUED");
        ((string)requested["record_type"]!).Should().Be("CNAME");
        ((string)requested["record_name"]!).Should().MatchRegex(@"^_[0-9a-f]{32}\.www\.slow\.example\.$");
        ((string)requested["validation"]!).Should().Be("PENDING_VALIDATION");
        ((bool)requested["has_not_after"]!).Should().BeFalse();
        ((bool)result["certificate_listed_as_issued_before"]!).Should().BeFalse();
        result["certificate_states"]!.AsArray().Select(s => (string)s!).Should().ContainInOrder("PENDING_VALIDATION", "ISSUED");
        ((string)result["certificate_issued"]!["validation"]!).Should().Be("SUCCESS");
        ((bool)result["certificate_issued"]!["has_not_after"]!).Should().BeTrue();
    }
}

using System.Text.Json;

namespace AwsIntegrations.Sandbox.Tests;

/// <summary>
/// Every controller end to end under AWS's behaviour over time, which the sandbox's AWS emulator has by default
/// (a new load balancer provisions and is not described at once, targets pass their health checks, Route 53 changes are
/// PENDING, the account is throttled): the run converges, the live view shows AWS's sequences, and each service's AWS
/// calls (told apart by User-Agent, as CloudTrail would) stay within its budget.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class AwsBehaviorTests(SandboxRun run)
{
    [Fact]
    public void LiveView_ShowsTheLoadBalancerProvisioningThenActive_AndTheTargetsInitialThenHealthy()
    {
        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("(provisioning → active, ", "the load balancer was seen provisioning before it was active");
        run.Output.Should().MatchRegex(@"\d+ targets \((\d+ \w+, )*\d+ initial( → [^)]*)? → (\d+ \w+, )*\d+ healthy\)", "targets were seen initial before healthy");
    }

    [Fact]
    public void IngressController_CreatesEachResourceOnce_AndReadsTheProvisioningLoadBalancerByArn()
    {
        run.ExitCode.Should().Be(0, run.Output);
        var calls = CallsOf("IngressController");

        calls.Count("CreateLoadBalancer").Should().Be(1);
        calls.Count("CreateTargetGroup").Should().Be(1);
        calls.Count("CreateListener").Should().Be(2, "HTTP:80 and HTTPS:443");
        calls.Count("RegisterTargets").Should().Be(1);
        calls.Count("DescribeLoadBalancers").Should().BeInRange(2, 4, "one full read, then by ARN until the load balancer is active (every 15 s)");
        calls.Total.Should().BeLessThanOrEqualTo(20, "measured 14 for the demo's one Ingress: " + calls);
        calls.Failed.Should().BeEmpty("only throttled calls may fail, and they are retried: " + calls);
    }

    [Fact]
    public void DnsController_WritesTheRecordsInOneChange_WithAFewReads()
    {
        run.ExitCode.Should().Be(0, run.Output);
        var calls = CallsOf("DnsController");

        calls.Count("ChangeResourceRecordSets").Should().Be(1, "the alias and its TXT records travel in one batch");
        calls.Count("ListResourceRecordSets").Should().BeInRange(1, 2);
        calls.Total.Should().BeLessThanOrEqualTo(8, "measured 4: " + calls);
        calls.Failed.Should().BeEmpty("only throttled calls may fail, and they are retried: " + calls);
    }

    [Fact]
    public void Kube2Iam_AssumesTheDemoPodsRoleOnce_AndTheOtherServicesCallNoAws()
    {
        run.ExitCode.Should().Be(0, run.Output);
        var all = Calls();

        all.Count(c => c.Service == "sts" && c.Operation == "AssumeRole" && c.Result == "Success").Should().Be(1, "one pod, one role");
        foreach (var service in new[] { "Router", "JobCleaner", "NodeGate" })
        {
            all.Where(c => c.UserAgent.StartsWith(service + "/", StringComparison.Ordinal)).Should().BeEmpty($"{service} has no business with AWS");
        }
    }

    private List<AwsCall> Calls()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.WorkDir, "aws-api-calls.json")));
        return [.. document.RootElement.EnumerateArray().Select(c => new AwsCall(
            c.GetProperty("service").GetString()!, c.GetProperty("operation").GetString()!, c.GetProperty("result").GetString()!,
            c.GetProperty("userAgent").GetString() ?? ""))];
    }

    private ServiceCalls CallsOf(string service) => new([.. Calls().Where(c => c.UserAgent.StartsWith(service + "/", StringComparison.Ordinal))]);

    private sealed record AwsCall(string Service, string Operation, string Result, string UserAgent);

    private sealed class ServiceCalls(IReadOnlyList<AwsCall> calls)
    {
        public int Total => calls.Count;

        public IEnumerable<AwsCall> Failed => calls.Where(c => c.Result is not ("Success" or "Throttling"));

        public int Count(string operation) => calls.Count(c => c.Operation == operation && c.Result == "Success");

        public override string ToString() =>
            string.Join(", ", calls.GroupBy(c => $"{c.Operation} {c.Result}").Select(g => $"{g.Key} ×{g.Count()}"));
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using AwsIntegrations.DnsController.Tests.Integration;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Testing;

namespace AwsIntegrations.DnsController.Tests.EndToEnd;

/// <summary>The real service as child processes, configured only by its flags, a kubeconfig and AWS_* variables, driven by API calls.</summary>
public sealed class ServiceProcessTests : IAsyncLifetime
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "DnsController.dll");
    private readonly string _dir = Directory.CreateTempSubdirectory("dns-e2e-").FullName;
    private DnsWorld _world = null!;
    private string _zone = null!;
    private string _kubeconfig = null!;

    public async Task InitializeAsync()
    {
        _world = await DnsWorld.StartAsync(behavior: new AwsBehavior());
        _zone = await _world.CreateZoneAsync("example.com");
        _kubeconfig = _world.Kube.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private ChildProcess Start(string pod, params string[] extra)
    {
        var env = _world.Aws.ClientEnvironment();
        env["POD_NAME"] = pod;
        env["POD_NAMESPACE"] = "default";
        return ChildProcess.StartDotnet(Assembly,
        [
            "--kubeconfig", _kubeconfig, "--metrics-address", "127.0.0.1", "--metrics-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--txt-owner-id", "cluster-a", "--debounce", "100ms", "--shutdown-delay", "0s", "--aws-retry-base-delay-seconds", "0.01", .. extra,
        ], env);
    }

    [Fact]
    public async Task Service_TwoReplicas_OnlyTheLeaderWritesAndTheOtherTakesOverOnSigterm()
    {
        var alb = (await _world.CreateAlbAsync("web")).DnsName;
        await using var first = Start("dns-1");
        await Eventually.HoldsAsync(() => _world.Kube.Get("Lease", "default", "dns-controller")?["spec"]?["holderIdentity"]?.GetValue<string>() == "dns-1", "dns-1 leads");
        await using var second = Start("dns-2");

        await _world.ApplyIngressAsync("web", ["www.example.com"], alb, ingressClass: "aws-integrations");
        await Eventually.HoldsAsync(() => _world.Records(_zone).Contains($"A www.example.com. alias {alb}."), "the leader created the record", TimeSpan.FromSeconds(30));

        second.StandardOutput.Should().NotContain(l => l.Contains("Read 1 zones", StringComparison.Ordinal), "only the leader reads and writes Route 53");
        first.SendSignal(PosixSignal.SIGTERM);
        (await first.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, first.Output);
        await Eventually.HoldsAsync(() => _world.Kube.Get("Lease", "default", "dns-controller")?["spec"]?["holderIdentity"]?.GetValue<string>() == "dns-2", "dns-2 takes over", TimeSpan.FromSeconds(30));

        await _world.ApplyIngressAsync("web", ["api.example.com"], alb, ingressClass: "aws-integrations");
        await Eventually.HoldsAsync(() => _world.Records(_zone).Contains($"A api.example.com. alias {alb}.") && !_world.Records(_zone).Any(r => r.Contains("www.example.com", StringComparison.Ordinal)),
            "the new leader moved the record", TimeSpan.FromSeconds(30));
        second.StandardOutput.Should().Contain(l => l.Contains("Read 1 zones", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Service_OnceDryRun_PrintsThePlanChangesNothingAndExits()
    {
        var alb = (await _world.CreateAlbAsync("web")).DnsName;
        await _world.ApplyIngressAsync("web", ["www.example.com"], alb, ingressClass: "aws-integrations");
        _world.Aws.Calls.Clear();

        await using var once = Start("dns-once", "--once", "--dry-run");

        (await once.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, once.Output);
        once.StandardOutput.Should().Contain(l => l.Contains("dry-run", StringComparison.Ordinal) && l.Contains("CREATE", StringComparison.Ordinal) && l.Contains("www.example.com", StringComparison.Ordinal));
        _world.Records(_zone).Should().BeEmpty();
        _world.Calls("ChangeResourceRecordSets").Should().Be(0);
    }

    [Fact]
    public async Task Service_Once_AppliesAndExitsZero()
    {
        var alb = (await _world.CreateAlbAsync("web")).DnsName;
        await _world.ApplyIngressAsync("web", ["www.example.com"], alb, ingressClass: "aws-integrations");
        await _world.ApplyIngressAsync("other-class", ["other.example.com"], alb, ingressClass: "nginx");

        await using var once = Start("dns-once", "--once", "--ingress-class", "aws-integrations");

        (await once.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, once.Output);
        _world.Records(_zone).Should().Contain($"A www.example.com. alias {alb}.").And.NotContain(r => r.Contains("other.example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Service_IngressOfAnotherClassWithAHost_IsSaidOnceAtDebugLevel()
    {
        var alb = (await _world.CreateAlbAsync("web")).DnsName;
        await using var service = Start("dns-1", "--ingress-class", "aws-integrations", "--log-level", "debug", "--leader-elect=false");
        await _world.ApplyIngressAsync("other", ["other.example.com"], alb, ingressClass: "nginx");
        await _world.ApplyIngressAsync("web", ["www.example.com"], alb, ingressClass: "aws-integrations");
        await Eventually.HoldsAsync(() => _world.Records(_zone).Contains($"A www.example.com. alias {alb}."), "the first record", TimeSpan.FromSeconds(30));

        // More passes: the other-class Ingress changes, and a new Ingress of the class shows that they ran.
        await _world.ApplyIngressAsync("other", ["other.example.com", "more.example.com"], alb, ingressClass: "nginx");
        await _world.ApplyIngressAsync("late", ["late.example.com"], alb, ingressClass: "aws-integrations");
        await Eventually.HoldsAsync(() => _world.Records(_zone).Contains($"A late.example.com. alias {alb}."), "the last record", TimeSpan.FromSeconds(30));

        service.StandardOutput.Count(l => l.Contains("default/other is not published", StringComparison.Ordinal) && l.Contains("nginx", StringComparison.Ordinal))
            .Should().Be(1, service.Output);
        _world.Records(_zone).Should().NotContain(r => r.Contains("other.example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Service_BadFlag_ExitsWithTwoAndSaysWhy()
    {
        await using var bad = Start("dns-bad", "--policy", "everything");

        (await bad.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2);
        bad.StandardError.Should().Contain(l => l.Contains("--policy", StringComparison.Ordinal));
    }
}

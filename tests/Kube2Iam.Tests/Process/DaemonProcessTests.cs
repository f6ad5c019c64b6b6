using System.Net;
using System.Runtime.InteropServices;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Options;
using AwsIntegrations.Kube2Iam.Tests.Harness;

namespace AwsIntegrations.Kube2Iam.Tests.Process;

/// <summary>The daemon as users run it: a real process, kube2iam's DaemonSet args, environment for AWS, SIGTERM to stop.</summary>
public sealed class DaemonProcessTests
{
    private static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "Kube2Iam.dll");

    private static Dictionary<string, string?> Environment(TestCluster cluster) => new()
    {
        ["AWS_ENDPOINT_URL"] = cluster.Aws.BaseUrl.ToString().TrimEnd('/'),
        ["AWS_REGION"] = cluster.Aws.State.Region,
        ["AWS_ACCESS_KEY_ID"] = AwsIntegrations.Emulators.Aws.AwsEmulator.DefaultCredentials.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = AwsIntegrations.Emulators.Aws.AwsEmulator.DefaultCredentials.SecretAccessKey,
        ["NODE_NAME"] = TestCluster.Node,
    };

    [Fact]
    public async Task RealProcess_KubeTwoIamArgs_ServesThePodAndStopsOnSigterm()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = "app-role" });
        var appPort = FreePort.Next();
        var metricsPort = FreePort.Next();
        await using var process = ChildProcess.StartDotnet(AssemblyPath,
        [
            "--app-port", $"{appPort}", "--app-address", "127.0.0.1", "--metrics-port", $"{metricsPort}", "--metrics-address", "127.0.0.1",
            "--base-role-arn", cluster.BaseArn, "--kubeconfig", cluster.Kubeconfig, "--metadata-addr", cluster.Aws.BaseUrl.ToString().TrimEnd('/'),
            "--iam-role-key", "iam.amazonaws.com/role", "--namespace-restriction-format", "glob", "--iam-role-session-ttl", "15m",
            "--backoff-max-interval", "1s", "--backoff-max-elapsed-time", "2s", "--log-format", "json", "--shutdown-delay", "0s",
        ], Environment(cluster));
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        await Eventually.HoldsAsync(async () =>
        {
            process.HasExited.Should().BeFalse(process.Output);
            try
            {
                return (await management.GetAsync("/readyz")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the daemon is ready");

        using var pod = PodClient.From("127.0.0.11", appPort);
        var (status, body) = await Imds.GetAsync(pod, Imds.Credentials + "app-role");
        status.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("\"Type\" : \"AWS-HMAC\"");

        process.SendSignal(PosixSignal.SIGTERM);
        (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, process.Output);
    }

    [Fact]
    public async Task RealProcess_FlagsKube2IamIgnoresThere_StartsWithOneWarningEach()
    {
        // kube2iam k8s/k8s.go NewClient reads --api-server/--api-token only without a kubeconfig, and only together.
        await using var cluster = await TestCluster.StartAsync();
        var metricsPort = FreePort.Next();
        await using var process = ChildProcess.StartDotnet(AssemblyPath,
        [
            "--app-port", $"{FreePort.Next()}", "--app-address", "127.0.0.1", "--metrics-port", $"{metricsPort}", "--metrics-address", "127.0.0.1",
            "--base-role-arn", cluster.BaseArn, "--kubeconfig", cluster.Kubeconfig, "--metadata-addr", cluster.Aws.BaseUrl.ToString().TrimEnd('/'),
            "--api-server=https://10.0.0.1:6443", "--shutdown-delay", "0s",
        ], Environment(cluster));
        await process.WaitUntilReadyAsync(metricsPort);

        process.SendSignal(PosixSignal.SIGTERM);
        (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, process.Output);
        process.StandardOutput.Where(l => l.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal) && l.Contains("--api-server is ignored", StringComparison.Ordinal))
            .Should().ContainSingle(process.Output).Which.Should().Contain("--kubeconfig wins over it");
    }

    [Theory]
    [InlineData("--iptables")]
    [InlineData("--namespace-restriction-format", "wildcard")]
    [InlineData("--base-role-arn", "arn:aws:iam::123:user/x")]
    [InlineData("--app-port", "0")]
    [InlineData("--iam-role-session-ttl", "10h")]
    [InlineData("--block-route-regexp", "(")]
    [InlineData("--metadata-addr", "ftp://x")]
    [InlineData("--host-interface", "!")]
    [InlineData("--session-name-mode", "uid")]
    public async Task RealProcess_BadFlag_OneLineAndExitCode2(params string[] args)
    {
        await using var process = ChildProcess.StartDotnet(AssemblyPath, args);

        (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2, process.Output);
        process.StandardError.Should().ContainSingle().Which.Should().StartWith("kube2iam: ");
    }

    [Fact]
    public void Flags_BaseArnWithAutoDiscover_Refused()
    {
        var bind = () => FlagBinder.Bind<Kube2IamOptions>(["--base-role-arn", "arn:aws:iam::123456789012:role/", "--auto-discover-base-arn"], _ => null);

        bind.Should().Throw<FlagException>().WithMessage("*cannot be used together*");
    }

    [Fact]
    public void Flags_KubeTwoIamDefaults()
    {
        var options = FlagBinder.Bind<Kube2IamOptions>([], _ => null);

        options.AppPort.Should().Be(8181);
        options.MetricsPort.Should().Be(8181);
        options.IamRoleKey.Should().Be("iam.amazonaws.com/role");
        options.IamExternalIdKey.Should().Be("iam.amazonaws.com/external-id");
        options.NamespaceKey.Should().Be("iam.amazonaws.com/allowed-roles");
        options.NamespaceRestrictionFormat.Should().Be("glob");
        options.HostInterface.Should().Be("docker0");
        options.SessionTtl.Should().Be(TimeSpan.FromMinutes(15));
        options.BackoffMaxInterval.Should().Be(TimeSpan.FromSeconds(1));
        options.BackoffMaxElapsedTime.Should().Be(TimeSpan.FromSeconds(2));
        options.MetadataUrl.Should().Be("http://169.254.169.254");
    }

    [Fact]
    public void Flags_NodeAndHostIpFromTheDownwardApiEnvironment()
    {
        var env = new Dictionary<string, string> { ["NODE_NAME"] = "ip-10-0-0-5", ["HOST_IP"] = "10.0.0.5" };

        var options = FlagBinder.Bind<Kube2IamOptions>(["--iptables", "--host-interface", "cali+"], env.GetValueOrDefault);

        options.Node.Should().Be("ip-10-0-0-5");
        options.HostIp.Should().Be("10.0.0.5");
    }

    [Fact]
    public void Readme_FlagTable_IsTheGeneratedOne()
    {
        var (written, generated) = ReadmeFlagTable.Compare("Kube2Iam", new Kube2IamOptions());

        written.Should().Be(generated, ReadmeFlagTable.HowToRegenerate);
    }
}

using System.Runtime.InteropServices;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kube2Iam.Tests.Compatibility;

/// <summary>
/// kube2iam's own DaemonSet examples (its README and its Helm chart), args taken verbatim: the image changes, nothing else.
/// Each runs the real process on a node made of network namespaces (<see cref="KubeletNode"/>), where a pod then asks
/// 169.254.169.254 for its role as an AWS SDK would. Needs root, iptables and iproute2 (tests/install-test-dependencies.sh).
/// </summary>
public sealed class DaemonSetExampleTests
{
    private const string Credentials = "http://169.254.169.254/latest/meta-data/iam/security-credentials/";
    private const string FullArn = "arn:aws:iam::123456789012:role/app-role";

    /// <param name="name">The example (see <see cref="Example.Named"/>, where each cites the file it comes from).</param>
    [Theory]
    [InlineData("readme-daemonset")]
    [InlineData("readme-iptables-daemonset")]
    [InlineData("readme-openshift-3")]
    [InlineData("readme-openshift-4")]
    [InlineData("chart-defaults")]
    [InlineData("chart-verbose-and-metrics-port")]
    [InlineData("chart-readme-set-example")]
    public async Task Example_StartsVerbatim_PodGetsItsRole_StopsCleanly(string name)
    {
        var example = Example.Named(name);
        await using var node = await KubeletNode.StartAsync(example.HostInterface);
        node.AddPod("shop", "web-0", example.PodRole);
        var env = example.Env(node);
        if (example.ManualRule)
        {
            // kube2iam README, "iptables": the rule a cluster adds itself when the daemon does not (--iptables off).
            node.OnNode("iptables", "--append", "PREROUTING", "--protocol", "tcp", "--destination", "169.254.169.254", "--dport", "80",
                "--in-interface", example.HostInterface, "--jump", "DNAT", "--table", "nat", "--to-destination", $"{node.Net.NodeIp}:8181").Code.Should().Be(0);
        }

        var daemon = node.StartDaemon(example.Args, env);
        await node.WaitForProbeAsync(daemon, example.MetricsPort, "/readyz");
        // The chart's livenessProbe and readinessProbe: GET /healthz on host.port, whatever prometheus.metricsPort says.
        await node.WaitForProbeAsync(daemon, 8181, "/healthz");

        var proxy = example.HttpProxy ? $"http://{node.Net.NodeIp}:8181" : null;
        var (listStatus, listed) = node.FromPod(Credentials, proxy);
        var (status, body) = node.FromPod(Credentials + listed, proxy);

        listStatus.Should().Be(200, daemon.Output);
        listed.Should().Be(example.Listed);
        status.Should().Be(200, daemon.Output);
        body.Should().Contain("\"Type\" : \"AWS-HMAC\"").And.Contain("\"AccessKeyId\" : \"ASIA");
        if (example.MetricsPort != 8181)
        {
            node.OnNode("curl", "-sf", "-m", "5", $"http://{node.Net.NodeIp}:{example.MetricsPort}/metrics").Output.Should().Contain("kube2iam_requests_total");
        }

        if (example.Verbose)
        {
            // The console logger writes from its own queue and the pipe is read asynchronously: the line may trail the answer.
            await Eventually.HoldsAsync(() => daemon.StandardOutput.Any(l => l.Contains("\"LogLevel\":\"Debug\"", StringComparison.Ordinal)),
                "--verbose logs at debug level", diagnostics: () => daemon.Output);
        }

        if (example.IptablesFlag)
        {
            node.NatRules().Should().Contain($"-i {example.HostInterface} -p tcp -m tcp --dport 80 -j DNAT --to-destination {node.Net.NodeIp}:8181");
        }

        if (example.PreStop)
        {
            // kube2iam README and chart values.yaml lifecycle.preStop, run by the kubelet before SIGTERM: harmless next to our own
            // removal. It evals every matching line as one command, so it works only where one rule names 169.254.169.254.
            node.RemoveMetadataStandIn();
            node.OnNode("/bin/sh", "-c", "eval `iptables-save | grep 169.254.169.254 | sed s/-A/'iptables -t nat -D'/g`").Code.Should().Be(0);
        }

        daemon.SendSignal(PosixSignal.SIGTERM);
        (await daemon.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, daemon.Output);
        if (example.IptablesFlag)
        {
            node.NatRules().Should().NotContain("--dport 80 -j DNAT --to-destination " + node.Net.NodeIp, "the daemon removes its rule on the way out");
        }
    }

    [Fact]
    public async Task ReadmeRbacExample_PlaceholderAccount_RefusedAsKube2IamRefusesIt()
    {
        // kube2iam README, "RBAC Setup" DaemonSet: --base-role-arn=arn:aws:iam::xxxxxxx:role/ fails kube2iam's own check
        // (cmd/main.go: log.Fatalf("Invalid --base-role-arn specified, expected: %s", iam.ARNRegexp)); ours refuses it too, in one line.
        await using var process = ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "Kube2Iam.dll"),
            ["--app-port=8181", "--base-role-arn=arn:aws:iam::xxxxxxx:role/", "--iptables=true", "--host-ip=10.0.0.5", "--host-interface=weave", "--verbose"]);

        (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2, process.Output);
        process.StandardError.Should().ContainSingle().Which.Should().Contain("base-role-arn").And.Contain("xxxxxxx");
    }

    [Fact]
    public async Task Version_PrintsAndExits()
    {
        // kube2iam cmd/main.go: if s.Version { version.PrintVersionAndExit() } ("Version: %s - Commit: %s - Date: %s", exit 0).
        await using var process = ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "Kube2Iam.dll"), ["--version"]);

        (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, process.Output);
        process.StandardOutput.Should().ContainSingle().Which.Should().StartWith("Version: ");
    }

    private sealed record Example(
        IReadOnlyList<string> Args,
        string HostInterface,
        bool NodeNameEnv,
        bool IptablesFlag = false,
        bool ManualRule = false,
        bool HttpProxy = false,
        bool PreStop = false,
        bool Verbose = false,
        int MetricsPort = 8181,
        string? PodRole = "app-role",
        string Listed = "app-role")
    {
        /// <summary>The env the example's manifest sets through the downward API.</summary>
        public IReadOnlyDictionary<string, string> Env(KubeletNode node)
        {
            // HOST_IP: status.podIP of a host-network pod, i.e. the node's IP; NODE_NAME: spec.nodeName.
            var env = new Dictionary<string, string> { ["HOST_IP"] = node.Net.NodeIp };
            if (NodeNameEnv)
            {
                env["NODE_NAME"] = KubeletNode.NodeName;
            }

            return env;
        }

        public static Example Named(string name) => name switch
        {
            // kube2iam README, "kube2iam daemonset": args and env (NODE_NAME) verbatim; the iptables rule comes from its "iptables" section.
            "readme-daemonset" => new(
                ["--base-role-arn=arn:aws:iam::123456789012:role/", "--node=$(NODE_NAME)"],
                "docker0", NodeNameEnv: true, ManualRule: true),

            // kube2iam README, "iptables": the DaemonSet with --iptables=true, HOST_IP and NODE_NAME, privileged, with its preStop hook.
            "readme-iptables-daemonset" => new(
                ["--base-role-arn=arn:aws:iam::123456789012:role/", "--iptables=true", "--host-ip=$(HOST_IP)", "--node=$(NODE_NAME)"],
                "docker0", NodeNameEnv: true, IptablesFlag: true, PreStop: true),

            // kube2iam README, "Using on OpenShift" / "OpenShift 3": no --node, the base ARN discovered from the instance profile.
            "readme-openshift-3" => new(
                ["--app-port=8181", "--auto-discover-base-arn", "--iptables=true", "--host-ip=$(HOST_IP)", "--host-interface=tun0", "--verbose"],
                "tun0", NodeNameEnv: false, IptablesFlag: true, Verbose: true),

            // kube2iam README, "OpenShift 4": no iptables; applications use kube2iam as an HTTP proxy (export http_proxy=${HOST_IP}:8181).
            "readme-openshift-4" => new(
                ["--app-port=8181", "--auto-discover-base-arn", "--host-ip=$(HOST_IP)", "--host-interface=tun0", "--verbose"],
                "tun0", NodeNameEnv: false, HttpProxy: true, Verbose: true),

            // kube2iam charts/kube2iam/templates/daemonset.yaml rendered with values.yaml's defaults (host.interface docker0,
            // host.iptables false, extraArgs {}, verbose false, host.port 8181, no prometheus.metricsPort); probes GET /healthz on
            // host.port. Without a base ARN pods name full ARNs (kube2iam README, "Options"), listed as they are (server.go).
            "chart-defaults" => new(
                ["--host-interface=docker0", "--node=$(NODE_NAME)", "--iptables=false", "--app-port=8181", "--metrics-port=8181"],
                "docker0", NodeNameEnv: true, ManualRule: true, PodRole: FullArn, Listed: FullArn),

            // The same template with verbose: true and prometheus.metricsPort: 9543 (the values.yaml comment's port): the
            // probes still GET /healthz on 8181.
            "chart-verbose-and-metrics-port" => new(
                ["--host-interface=docker0", "--node=$(NODE_NAME)", "--iptables=false", "--verbose", "--app-port=8181", "--metrics-port=9543"],
                "docker0", NodeNameEnv: true, ManualRule: true, Verbose: true, MetricsPort: 9543, PodRole: FullArn, Listed: FullArn),

            // kube2iam charts/kube2iam/README.md: --set=extraArgs.base-role-arn=arn:aws:iam::0123456789:role/,
            // extraArgs.default-role=kube2iam-default,host.iptables=true,host.interface=cbr0 (extraArgs render in key order,
            // host.ip is "$(HOST_IP)"); the chart's preStop hook runs before SIGTERM. The placeholder account is no 12-digit AWS
            // account, so the pod names a role of the emulated account by its full ARN, listed as the full ARN (server.go).
            "chart-readme-set-example" => new(
                ["--host-interface=cbr0", "--node=$(NODE_NAME)", "--host-ip=$(HOST_IP)", "--iptables=true",
                    "--base-role-arn=arn:aws:iam::0123456789:role/", "--default-role=kube2iam-default", "--app-port=8181", "--metrics-port=8181"],
                "cbr0", NodeNameEnv: true, IptablesFlag: true, PreStop: true,
                PodRole: FullArn, Listed: FullArn),

            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such example"),
        };
    }
}

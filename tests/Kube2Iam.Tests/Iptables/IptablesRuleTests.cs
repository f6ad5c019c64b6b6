using System.Runtime.InteropServices;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kube2Iam.Tests.Iptables;

/// <summary>
/// The DNAT rule for real: a "pod" in its own network namespace calls 169.254.169.254 and gets its role's credentials from
/// the daemon running in the "node" namespace (with the emulators there too), and the rule is gone after SIGTERM.
/// </summary>
public sealed class IptablesRuleTests
{
    private const string Rule = "-p tcp -m tcp --dport 80 -j DNAT";

    [Fact]
    public async Task PodInItsOwnNetworkNamespace_CallsTheMetadataAddress_GetsItsRoleThroughTheDnatRule_RuleRemovedOnShutdown()
    {
        using var net = NetworkNamespace.Create();
        var directory = Directory.CreateTempSubdirectory("kube2iam-netns-").FullName;
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var bin = AppContext.BaseDirectory;
        await using var emulators = ChildProcess.Start("ip", ["netns", "exec", net.Node, "dotnet", Path.Combine(bin, "AwsIntegrations.Emulators.dll"),
            "--kube-port", "18080", "--kubeconfig-out", kubeconfig, "--aws-port", "18081"]);
        await Eventually.HoldsAsync(() => emulators.StandardOutput.Any(l => l.StartsWith("aws emulator listening", StringComparison.Ordinal)) && File.Exists(kubeconfig),
            "the emulators run in the node namespace");
        var manifest = Path.Combine(directory, "pod.json");
        File.WriteAllText(manifest, """
            {"apiVersion":"v1","kind":"List","items":[
              {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}},
              {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0","namespace":"shop","annotations":{"iam.amazonaws.com/role":"app-role"}},
               "spec":{"nodeName":"node-a","containers":[{"name":"app","image":"app:1"}]}}]}
            """);
        Kubectl(net, kubeconfig, "create", "--validate=false", "-f", manifest);
        Kubectl(net, kubeconfig, "patch", "pod", "web-0", "-n", "shop", "--subresource", "status", "--type", "merge", "-p",
            "{\"status\":{\"phase\":\"Running\",\"podIP\":\"" + net.PodIp + "\"}}");

        await using var daemon = ChildProcess.Start("ip", ["netns", "exec", net.Node, "dotnet", Path.Combine(bin, "Kube2Iam.dll"),
            "--iptables", "--host-interface", net.NodeInterface, "--host-ip", net.NodeIp, "--app-port", "8181", "--metrics-port", "9181",
            "--kubeconfig", kubeconfig, "--node", "node-a", "--base-role-arn", "arn:aws:iam::123456789012:role/",
            "--metadata-addr", "http://127.0.0.1:18081", "--shutdown-delay", "0s"],
            new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:18081",
                ["AWS_REGION"] = "eu-central-1",
                ["AWS_ACCESS_KEY_ID"] = AwsEmulator.DefaultCredentials.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = AwsEmulator.DefaultCredentials.SecretAccessKey,
            });
        await Eventually.HoldsAsync(() =>
        {
            daemon.HasExited.Should().BeFalse(daemon.Output);
            return NetworkNamespace.Exec(net.Node, "curl", "-sf", "http://127.0.0.1:9181/readyz").Code == 0;
        }, "the daemon is ready in the node namespace", TimeSpan.FromSeconds(60));

        var (code, body) = NetworkNamespace.Exec(net.Pod, "curl", "-s", "-m", "10", "http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role");
        var rules = NetworkNamespace.Exec(net.Node, "iptables", "-t", "nat", "-S", "PREROUTING").Output;

        code.Should().Be(0, body);
        body.Should().Contain("\"Type\" : \"AWS-HMAC\"").And.Contain("\"AccessKeyId\" : \"ASIA");
        rules.Split('\n').Count(l => l.Contains(Rule, StringComparison.Ordinal)).Should().Be(1, rules);
        rules.Should().Contain($"-d 169.254.169.254/32 -i {net.NodeInterface} {Rule} --to-destination {net.NodeIp}:8181");

        daemon.SendSignal(PosixSignal.SIGTERM);
        (await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, daemon.Output);
        NetworkNamespace.Exec(net.Node, "iptables", "-t", "nat", "-S", "PREROUTING").Output.Should().NotContain("169.254.169.254");
        Directory.Delete(directory, recursive: true);
    }

    private static void Kubectl(NetworkNamespace net, string kubeconfig, params string[] args)
    {
        var (code, output) = NetworkNamespace.Exec(net.Node, ["kubectl", "--kubeconfig", kubeconfig, .. args]);
        code.Should().Be(0, output);
    }
}

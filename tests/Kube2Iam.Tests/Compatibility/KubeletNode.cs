using System.Text.RegularExpressions;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Tests.Iptables;

namespace AwsIntegrations.Kube2Iam.Tests.Compatibility;

/// <summary>
/// A node as kube2iam's DaemonSet examples expect one, in network namespaces the test makes: the "node" has the Kubernetes and
/// AWS emulators, with the AWS emulator's instance metadata at 169.254.169.254:80 (an OUTPUT DNAT to it) so --metadata-addr
/// keeps its default; the "pod" reaches the node over a veth named as the example's --host-interface. The daemon gets exactly
/// the manifest's args, with $(VAR) expanded from the manifest's env as the kubelet expands it, and only that env plus two
/// stand-ins for what a cluster provides: KUBECONFIG for the service account, AWS_ENDPOINT_URL for AWS's STS. Its own AWS
/// credentials come from the metadata service, as on an EC2 node.
/// </summary>
public sealed partial class KubeletNode : IAsyncDisposable
{
    public const string NodeName = "node-a";
    private const int KubePort = 18080;
    private const int AwsPort = 18081;

    private readonly string _directory;
    private readonly ChildProcess _emulators;
    private readonly List<ChildProcess> _daemons = [];

    private KubeletNode(NetworkNamespace net, string directory, ChildProcess emulators)
    {
        Net = net;
        _directory = directory;
        _emulators = emulators;
    }

    public NetworkNamespace Net { get; }

    private static string[] MetadataStandIn => ["OUTPUT", "-p", "tcp", "-d", "169.254.169.254", "--dport", "80", "-j", "DNAT", "--to-destination", $"127.0.0.1:{AwsPort}"];

    public string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    public static async Task<KubeletNode> StartAsync(string hostInterface)
    {
        var net = NetworkNamespace.Create(hostInterface);
        var directory = Directory.CreateTempSubdirectory("kube2iam-kubelet-").FullName;
        Check(NetworkNamespace.Exec(net.Node, "ip", "addr", "add", "169.254.169.254/32", "dev", "lo"));
        Check(NetworkNamespace.Exec(net.Node, ["iptables", "-w", "5", "-t", "nat", "-A", .. MetadataStandIn]));
        var emulators = ChildProcess.Start("ip", ["netns", "exec", net.Node, "dotnet", Path.Combine(AppContext.BaseDirectory, "AwsIntegrations.Emulators.dll"),
            "--kube-port", $"{KubePort}", "--kubeconfig-out", Path.Combine(directory, "kubeconfig"), "--aws-port", $"{AwsPort}"]);
        var node = new KubeletNode(net, directory, emulators);
        await Eventually.HoldsAsync(() =>
        {
            emulators.HasExited.Should().BeFalse(emulators.Output);
            return emulators.StandardOutput.Any(l => l.StartsWith("aws emulator listening", StringComparison.Ordinal)) && File.Exists(node.Kubeconfig);
        }, "the emulators run in the node namespace", TimeSpan.FromSeconds(60));
        return node;
    }

    /// <summary>A running pod of this node holding the pod namespace's IP.</summary>
    public void AddPod(string ns, string name, string? role)
    {
        var manifest = Path.Combine(_directory, $"{ns}-{name}.json");
        var annotations = role is null ? string.Empty : $$""","annotations":{"iam.amazonaws.com/role":"{{role}}"}""";
        File.WriteAllText(manifest, $$$"""
            {"apiVersion":"v1","kind":"List","items":[
              {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}},
              {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}"{{{annotations}}}},
               "spec":{"nodeName":"{{{NodeName}}}","containers":[{"name":"app","image":"app:1"}]}}]}
            """);
        Kubectl("apply", "--validate=false", "-f", manifest);
        Kubectl("patch", "pod", name, "-n", ns, "--subresource", "status", "--type", "merge", "-p",
            "{\"status\":{\"phase\":\"Running\",\"podIP\":\"" + Net.PodIp + "\"}}");
    }

    /// <summary>Starts Kube2Iam on the node with a DaemonSet's args and env, as the kubelet would.</summary>
    public ChildProcess StartDaemon(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env)
    {
        List<string> command = ["netns", "exec", Net.Node, "env", "-i",
            "PATH=" + Environment.GetEnvironmentVariable("PATH"), "HOME=" + Environment.GetEnvironmentVariable("HOME"),
            "KUBECONFIG=" + Kubeconfig, $"AWS_ENDPOINT_URL=http://127.0.0.1:{AwsPort}"];
        command.AddRange(env.Select(e => $"{e.Key}={e.Value}"));
        command.AddRange(["dotnet", Path.Combine(AppContext.BaseDirectory, "Kube2Iam.dll")]);
        command.AddRange(args.Select(a => Expand(a, env)));
        var daemon = ChildProcess.Start("ip", command);
        _daemons.Add(daemon);
        return daemon;
    }

    /// <summary>Waits until an HTTP GET from the node (as the kubelet probes a host-network pod) answers 200.</summary>
    public async Task WaitForProbeAsync(ChildProcess daemon, int port, string path)
    {
        await Eventually.HoldsAsync(() =>
        {
            daemon.HasExited.Should().BeFalse(daemon.Output);
            return OnNode("curl", "-sf", "-m", "2", $"http://{Net.NodeIp}:{port}{path}").Code == 0;
        }, $"the daemon answers {path} on port {port}", TimeSpan.FromSeconds(60));
    }

    /// <summary>An HTTP GET from the pod (through <paramref name="proxy"/> when given, as http_proxy makes an SDK do).</summary>
    public (int Status, string Body) FromPod(string url, string? proxy = null)
    {
        List<string> curl = ["curl", "-s", "-m", "10", "-w", "\n%{http_code}"];
        if (proxy is not null)
        {
            curl.AddRange(["-x", proxy]);
        }

        var (code, output) = NetworkNamespace.Exec(Net.Pod, [.. curl, url]);
        code.Should().Be(0, output);
        var split = output.LastIndexOf('\n');
        return (int.Parse(output[(split + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture), output[..split]);
    }

    public (int Code, string Output) OnNode(params string[] command) => NetworkNamespace.Exec(Net.Node, command);

    /// <summary>Takes the metadata service's stand-in rule away, so that, as on an EC2 node, only the daemon's rule names 169.254.169.254.</summary>
    public void RemoveMetadataStandIn() => Check(OnNode(["iptables", "-w", "5", "-t", "nat", "-D", .. MetadataStandIn]));

    public string NatRules() => OnNode("iptables", "-w", "5", "-t", "nat", "-S", "PREROUTING").Output;

    public void Kubectl(params string[] args) => Check(OnNode(["kubectl", "--kubeconfig", Kubeconfig, .. args]));

    /// <summary>The kubelet's expansion of $(VAR) in args: defined variables are replaced, $$ is a literal $, the rest stays.</summary>
    public static string Expand(string arg, IReadOnlyDictionary<string, string> env) =>
        VariableReference().Replace(arg, m => m.Value == "$$" ? "$" : env.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    public async ValueTask DisposeAsync()
    {
        foreach (var daemon in _daemons)
        {
            await daemon.DisposeAsync();
        }

        await _emulators.DisposeAsync();
        Net.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static void Check((int Code, string Output) result) => result.Code.Should().Be(0, result.Output);

    [GeneratedRegex(@"\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();
}

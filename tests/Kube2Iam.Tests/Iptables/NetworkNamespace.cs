using System.Diagnostics;

namespace AwsIntegrations.Kube2Iam.Tests.Iptables;

/// <summary>
/// Two network namespaces made by the test, a "node" and a "pod", joined by a veth pair on 10.250.N.0/30: nothing outside
/// them is touched. Removing the namespaces removes the veth pair and every iptables rule in them.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private NetworkNamespace(string id, int subnet, string? nodeInterface)
    {
        Node = $"k2i-node-{id}";
        Pod = $"k2i-pod-{id}";
        NodeInterface = nodeInterface ?? $"k2n{id}";
        PodInterface = $"k2p{id}";
        NodeIp = $"10.250.{subnet}.1";
        PodIp = $"10.250.{subnet}.2";
    }

    public string Node { get; }

    public string Pod { get; }

    public string NodeInterface { get; }

    public string PodInterface { get; }

    public string NodeIp { get; }

    public string PodIp { get; }

    /// <param name="nodeInterface">The node side's name (e.g. docker0, cali1234, tun0: names live per namespace); default a unique one.</param>
    public static NetworkNamespace Create(string? nodeInterface = null)
    {
        var id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..6];
        var net = new NetworkNamespace(id, Random.Shared.Next(1, 250), nodeInterface);
        try
        {
            Run("ip", "netns", "add", net.Node);
            Run("ip", "netns", "add", net.Pod);
            Run("ip", "-n", net.Node, "link", "add", net.NodeInterface, "type", "veth", "peer", "name", net.PodInterface, "netns", net.Pod);
            Run("ip", "-n", net.Node, "addr", "add", net.NodeIp + "/30", "dev", net.NodeInterface);
            Run("ip", "-n", net.Pod, "addr", "add", net.PodIp + "/30", "dev", net.PodInterface);
            foreach (var (ns, link) in new[] { (net.Node, net.NodeInterface), (net.Node, "lo"), (net.Pod, net.PodInterface), (net.Pod, "lo") })
            {
                Run("ip", "-n", ns, "link", "set", link, "up");
            }

            Run("ip", "-n", net.Pod, "route", "add", "default", "via", net.NodeIp);
            return net;
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    /// <summary>Runs a command inside one of the namespaces; returns exit code and output.</summary>
    public static (int Code, string Output) Exec(string ns, params string[] command) => Run(["ip", "netns", "exec", ns, .. command], check: false);

    public void Dispose()
    {
        Run(["ip", "netns", "del", Pod], check: false);
        Run(["ip", "netns", "del", Node], check: false);
    }

    private static void Run(params string[] command) => Run(command, check: true);

    private static (int Code, string Output) Run(string[] command, bool check)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}): {output}");
        }

        return (process.ExitCode, output);
    }
}

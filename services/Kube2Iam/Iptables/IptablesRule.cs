using System.Globalization;

namespace AwsIntegrations.Kube2Iam.Iptables;

/// <summary>The DNAT rule that sends pods' metadata traffic to the daemon, as iptables arguments (pure).</summary>
public sealed record IptablesRule(string HostInterface, string HostIp, int AppPort, string MetadataIp = "169.254.169.254")
{
    /// <summary>-p tcp -d 169.254.169.254 --dport 80 [!] -i IFACE -j DNAT --to-destination HOST:PORT</summary>
    public IReadOnlyList<string> Spec()
    {
        var negated = HostInterface.StartsWith('!');
        var name = negated ? HostInterface[1..] : HostInterface;
        List<string> spec = ["-p", "tcp", "-d", MetadataIp, "--dport", "80"];
        if (negated)
        {
            spec.Add("!");
        }

        spec.AddRange(["-i", name, "-j", "DNAT", "--to-destination", HostIp + ":" + AppPort.ToString(CultureInfo.InvariantCulture)]);
        return spec;
    }

    /// <summary>Arguments for one iptables action (-C check, -A append, -D delete) on nat PREROUTING; -w waits for the xtables lock.</summary>
    public IReadOnlyList<string> Command(string action) => ["-w", "5", "-t", "nat", action, "PREROUTING", .. Spec()];
}

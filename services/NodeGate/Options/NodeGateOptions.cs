using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Leadership;
using AwsIntegrations.NodeGate.Scheduling;

namespace AwsIntegrations.NodeGate.Options;

public sealed class NodeGateOptions : ServiceOptions
{
    public const string ServiceName = "node-gate";

    /// <summary>Help text prefix of nidhogg's flags accepted and ignored (<see cref="IgnoredFlags"/>: one warning at start).</summary>
    private const string IgnoredPrefix = "pelotech/nidhogg's; ignored: ";

    public NodeGateOptions()
    {
        MetricsPort = 9105;

        // As before NodeGate took the shared flags: without --leader-namespace (or POD_NAMESPACE) the Lease is in the pod's
        // own namespace, where nidhogg's RBAC grants it.
        if (OwnNamespace() is { } own)
        {
            LeaderElection.Namespace = own;
        }
    }

    [Flag("taint-key", "Key of the startup taint the kubelet registers (--register-with-taints=KEY=:NoSchedule); removed once the node's DaemonSets are ready.")]
    public string TaintKey { get; set; } = "aws-integrations.io/not-ready";

    [Flag("daemonset-selector", "Label selector of the DaemonSets a node waits for (e.g. 'node-gate=required' or 'tier in (system,network)'); empty: only --config-file's list.")]
    public string? DaemonSetSelector { get; set; }

    [Flag("config-file", "nidhogg's YAML or JSON config file: the DaemonSets a node waits for ('daemonsets: [{namespace: kube-system, name: kube-proxy}]'), nodeSelector, taintNamePrefix, taintRemovalDelayInSeconds; with it nidhogg's taints are released too.")]
    public string? ConfigFile { get; set; }

    [Flag("max-wait", "Remove the taint anyway this long after the node was created, with a Warning Event naming the DaemonSets still not ready.")]
    [FlagRange(1, 86400)]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(10);

    [Flag("resync-interval", "Full pass over all nodes at least this often, even without changes.")]
    [FlagRange(1, 3600)]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Flag("metrics-addr", "nidhogg's spelling of the metrics endpoint, host:port (':8080' listens on every address); sets --metrics-address and --metrics-port.")]
    public string? MetricsAddr { get; set; }

    [Flag("disable-compression", IgnoredPrefix + "client-go's response compression; NodeGate's Kubernetes client never asks for compressed answers.")]
    public bool? DisableCompression { get; set; }

    [FlagGroup]
    public KubernetesOptions Kubernetes { get; set; } = new();

    [FlagGroup]
    public LeaderElectionFlags LeaderElection { get; set; } = new();

    public override IEnumerable<string> StartupWarnings()
    {
        foreach (var ignored in Config?.Ignored ?? [])
        {
            yield return $"--config-file {ConfigFile}: {ignored}; ignored";
        }

        foreach (var warning in IgnoredFlags.Warning("nidhogg", this, IgnoredPrefix))
        {
            yield return warning;
        }
    }

    /// <summary>The parsed --daemonset-selector (set by <see cref="Validate"/>); null when the flag is empty.</summary>
    internal LabelSelector? Selector { get; private set; }

    /// <summary>The --config-file (set by <see cref="Validate"/>); null when the flag is empty.</summary>
    internal NidhoggConfig? Config { get; private set; }

    public override FlagException? Validate()
    {
        if (string.IsNullOrWhiteSpace(TaintKey))
        {
            return new FlagException("--taint-key must not be empty");
        }

        if (string.IsNullOrWhiteSpace(DaemonSetSelector) && string.IsNullOrWhiteSpace(ConfigFile))
        {
            return new FlagException("name the DaemonSets nodes wait for: set --daemonset-selector and/or --config-file");
        }

        try
        {
            Selector = string.IsNullOrWhiteSpace(DaemonSetSelector) ? null : LabelSelector.Parse(DaemonSetSelector);
        }
        catch (FormatException e)
        {
            return new FlagException($"--daemonset-selector: {e.Message}");
        }

        try
        {
            Config = string.IsNullOrWhiteSpace(ConfigFile) ? null : NidhoggConfigFile.Load(ConfigFile);
        }
        catch (FormatException e)
        {
            return new FlagException($"--config-file {ConfigFile}: {e.Message}");
        }

        if (MetricsAddr is not null)
        {
            if (!HostPort.TrySplit(MetricsAddr, out _, out _))
            {
                return new FlagException($"--metrics-addr must be host:port (nidhogg's ':8080'), not '{MetricsAddr}'");
            }

            MetricsAddress = MetricsAddr;
        }

        return null;
    }

    private static string? OwnNamespace()
    {
        const string path = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}

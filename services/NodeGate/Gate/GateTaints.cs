using AwsIntegrations.NodeGate.Options;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// The taints that hold a node: ours (--taint-key), and, with a nidhogg config file, nidhogg's: one per DaemonSet,
/// <c>&lt;taintNamePrefix&gt;/&lt;namespace&gt;.&lt;name&gt;</c> (uswitch/nidhogg pkg/nidhogg/handler.go calculateTaints:
/// <c>fmt.Sprintf("%s/%s.%s", taintKey, daemonset.Namespace, daemonset.Name)</c>), so nodes that register with them are
/// released too. Namespaces cannot contain a dot, so the first dot after the prefix ends the namespace.
/// </summary>
public sealed class GateTaints(string ownKey, string? nidhoggPrefix)
{
    /// <summary>nidhogg's default taintNamePrefix (uswitch: the constant taintKey; pelotech: defaultTaintKeyPrefix).</summary>
    public const string NidhoggDefaultPrefix = "nidhogg.uswitch.com";

    public string OwnKey => ownKey;

    /// <summary>The nidhogg taint prefix handled, or null when there is no nidhogg config file (nidhogg taints are then left alone).</summary>
    public string? NidhoggPrefix => nidhoggPrefix;

    public bool IsOwn(string key) => key == ownKey;

    /// <summary>
    /// nidhogg reconciles every taint whose key starts with its prefix (handler.go: <c>strings.HasPrefix(taint.Key, taintKey)</c>),
    /// including ones left over from an older config; here the prefix must be followed by '/', as every taint nidhogg writes is.
    /// </summary>
    public bool IsNidhogg(string key) =>
        nidhoggPrefix is not null && !IsOwn(key) && key.Length > nidhoggPrefix.Length + 1
        && key.StartsWith(nidhoggPrefix, StringComparison.Ordinal) && key[nidhoggPrefix.Length] == '/';

    public bool IsGating(string? key) => key is not null && (IsOwn(key) || IsNidhogg(key));

    /// <summary>The DaemonSet a nidhogg taint waits for, or null when the key does not name one (a stale taint to remove).</summary>
    public DaemonSetReference? DaemonSetOf(string key)
    {
        if (!IsNidhogg(key))
        {
            return null;
        }

        var rest = key[(nidhoggPrefix!.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < rest.Length - 1 ? new DaemonSetReference(rest[..dot], rest[(dot + 1)..]) : null;
    }

    /// <summary>nidhogg's taint key for a DaemonSet (with a nidhogg config file).</summary>
    public string NidhoggKey(DaemonSetReference daemonSet) => $"{nidhoggPrefix}/{daemonSet.Namespace}.{daemonSet.Name}";
}

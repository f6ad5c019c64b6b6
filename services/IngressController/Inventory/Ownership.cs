using System.Security.Cryptography;
using System.Text;
using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// Ownership tags and the names of our load balancers (ing-&lt;cluster&gt;-&lt;group&gt;-&lt;slot&gt;, at most 32 characters).
/// A controller id other than kube-ingress-aws-controller's default goes into the name hash and a kubernetes:application
/// tag, so several controllers in one cluster (--controller-id) never take each other's load balancers for their own.
/// </summary>
public sealed class Ownership
{
    public const string ManagedByKey = "aws-integrations/managed-by";
    public const string GroupKey = "aws-integrations/ingress-group";
    public const string ControllerKey = "kubernetes:application";

    private readonly string? _controllerId;
    private readonly IReadOnlyDictionary<string, string> _additionalTags;

    public Ownership(string clusterId, string? controllerId = null, IReadOnlyDictionary<string, string>? additionalTags = null)
    {
        ClusterId = clusterId;
        _controllerId = controllerId is null or IngressControllerOptions.DefaultControllerId ? null : controllerId;
        _additionalTags = additionalTags ?? new Dictionary<string, string>();
        var named = _controllerId is null ? clusterId : $"{clusterId}/{_controllerId}";
        NamePrefix = "ing-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(named)))[..6] + "-";
    }

    public string ClusterId { get; }

    public string ClusterTagKey => $"kubernetes.io/cluster/{ClusterId}";

    /// <summary>"ing-" and six hex characters of the cluster id (and controller id): our names in a shared account never collide with another cluster's.</summary>
    public string NamePrefix { get; }

    public IReadOnlyDictionary<string, string> Tags(string? groupHash = null)
    {
        var tags = new Dictionary<string, string>(_additionalTags, StringComparer.Ordinal)
        {
            [ClusterTagKey] = "owned",
            [ManagedByKey] = IngressControllerOptions.ServiceName,
        };
        if (_controllerId is not null)
        {
            tags[ControllerKey] = _controllerId;
        }

        if (groupHash is not null)
        {
            tags[GroupKey] = groupHash;
        }

        return tags;
    }

    public bool IsOwned(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault(ClusterTagKey) == "owned" && tags.GetValueOrDefault(ManagedByKey) == IngressControllerOptions.ServiceName
        && (_controllerId is null || tags.GetValueOrDefault(ControllerKey) == _controllerId);

    public string AlbName(string groupHash, int slot) => $"{NamePrefix}{groupHash}-{slot}";

    /// <summary>The group hash and slot of one of our names; null for any other name.</summary>
    public (string GroupHash, int Slot)? Parse(string name)
    {
        if (!name.StartsWith(NamePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = name[NamePrefix.Length..].Split('-');
        return parts.Length == 2 && parts[0].Length == 6 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var slot)
            ? (parts[0], slot)
            : null;
    }

    public static Ownership From(IngressControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var additional = options.AdditionalTags.Select(t => t.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new Ownership(options.ClusterId, options.ControllerId, additional);
    }
}

using System.Security.Cryptography;
using System.Text;
using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>Ownership tags and the names of our load balancers (ing-&lt;cluster&gt;-&lt;group&gt;-&lt;slot&gt;, at most 32 characters).</summary>
public sealed class Ownership(string clusterId)
{
    public const string ManagedByKey = "aws-integrations/managed-by";
    public const string GroupKey = "aws-integrations/ingress-group";

    public string ClusterId { get; } = clusterId;

    public string ClusterTagKey => $"kubernetes.io/cluster/{ClusterId}";

    /// <summary>"ing-" and six hex characters of the cluster id: our names in a shared account never collide with another cluster's.</summary>
    public string NamePrefix { get; } = "ing-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clusterId)))[..6] + "-";

    public IReadOnlyDictionary<string, string> Tags(string? groupHash = null)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ClusterTagKey] = "owned",
            [ManagedByKey] = IngressControllerOptions.ServiceName,
        };
        if (groupHash is not null)
        {
            tags[GroupKey] = groupHash;
        }

        return tags;
    }

    public bool IsOwned(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault(ClusterTagKey) == "owned" && tags.GetValueOrDefault(ManagedByKey) == IngressControllerOptions.ServiceName;

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
}

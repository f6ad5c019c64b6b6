using System.Globalization;

namespace AwsIntegrations.Emulators.Kubernetes.Protobuf.Schema;

/// <summary>
/// The protobuf schemas of the built-in kinds, with field numbers from the generated.proto files of kubernetes/api and
/// kubernetes/apimachinery. A message is written as "number:jsonName:type" fields separated by spaces; a type ending in
/// "[]" repeats, "map&lt;s,X&gt;" is a map, a trailing "?" keeps zero values (Go pointer fields), "^" inlines the message.
/// </summary>
internal static class MessageTable
{
    /// <summary>Types decoded by hand rather than by field table.</summary>
    public static IReadOnlySet<string> WellKnown { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "Time", "MicroTime", "Quantity", "IntOrString", "RawExtension", "FieldsV1", "Duration" };

    public static IReadOnlySet<string> Scalars { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "s", "y", "b", "i32", "i64", "u32", "u64", "f32", "f64" };

    private static readonly Dictionary<string, MessageSchema> Messages = Parse(
        MetaV1Messages.Messages.Concat(CoreV1Messages.Messages).Concat(GroupMessages.Messages));

    /// <summary>The top-level message of each kind, by "apiVersion/kind" as the envelope's TypeMeta names it.</summary>
    private static readonly Dictionary<string, string> Roots = new(StringComparer.Ordinal)
    {
        ["v1/Namespace"] = "Namespace", ["v1/Pod"] = "Pod", ["v1/Node"] = "Node", ["v1/Service"] = "Service",
        ["v1/Secret"] = "Secret", ["v1/ConfigMap"] = "ConfigMap", ["v1/Event"] = "Event",
        ["v1/ServiceAccount"] = "ServiceAccount", ["v1/LimitRange"] = "LimitRange",
        ["discovery.k8s.io/v1/EndpointSlice"] = "EndpointSlice",
        ["networking.k8s.io/v1/Ingress"] = "Ingress", ["networking.k8s.io/v1/IngressClass"] = "IngressClass",
        ["networking.k8s.io/v1/NetworkPolicy"] = "NetworkPolicy",
        ["batch/v1/Job"] = "Job", ["batch/v1/CronJob"] = "CronJob",
        ["coordination.k8s.io/v1/Lease"] = "Lease",
        ["apps/v1/DaemonSet"] = "DaemonSet", ["apps/v1/Deployment"] = "Deployment",
        ["rbac.authorization.k8s.io/v1/Role"] = "Role", ["rbac.authorization.k8s.io/v1/ClusterRole"] = "ClusterRole",
        ["rbac.authorization.k8s.io/v1/RoleBinding"] = "RoleBinding",
        ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = "ClusterRoleBinding",
        ["policy/v1/PodDisruptionBudget"] = "PodDisruptionBudget",
    };

    /// <summary>DeleteOptions is registered in every group version, so clients send it under the resource's own apiVersion.</summary>
    public static string? Root(string apiVersion, string kind) =>
        kind == "DeleteOptions" ? "DeleteOptions" : Roots.GetValueOrDefault($"{apiVersion}/{kind}");

    public static MessageSchema Message(string name) =>
        Messages.TryGetValue(name, out var message) ? message : throw new KeyNotFoundException($"no protobuf message {name} in the table");

    public static IEnumerable<MessageSchema> All => Messages.Values;

    private static Dictionary<string, MessageSchema> Parse(IEnumerable<KeyValuePair<string, string>> source) =>
        source.ToDictionary(
            m => m.Key,
            m => new MessageSchema(m.Key, m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseField).ToDictionary(f => f.Number)),
            StringComparer.Ordinal);

    public static FieldSchema ParseField(string text)
    {
        var parts = text.Split(':');
        var type = parts[2];
        var inline = type.EndsWith('^');
        var keepZero = type.EndsWith('?');
        type = type.TrimEnd('^', '?');
        var repeated = type.EndsWith("[]", StringComparison.Ordinal);
        type = repeated ? type[..^2] : type;
        string? mapValue = null;
        if (type.StartsWith("map<s,", StringComparison.Ordinal))
        {
            mapValue = type[6..^1];
            type = "map";
        }

        return new FieldSchema(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], type, repeated, keepZero, inline, mapValue);
    }
}

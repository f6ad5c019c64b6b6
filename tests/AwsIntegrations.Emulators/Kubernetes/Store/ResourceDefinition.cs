using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>
/// One kind the emulator serves. Everything it does with objects is generic over these registrations:
/// a new kind is a new <see cref="ResourceDefinition"/>, not new code.
/// </summary>
public sealed record ResourceDefinition(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    public string Singular { get; init; } = Kind.ToLowerInvariant();

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public bool HasStatus { get; init; }

    /// <summary>
    /// Whether the server keeps metadata.generation (set to 1 on create, bumped when anything but metadata and status
    /// changes): the kinds whose registry strategy does so (Ingress, Job, Deployment…), not ConfigMap, Service, Node…
    /// Pods have one only from Kubernetes 1.33; the emulator is 1.32.
    /// </summary>
    public bool HasGeneration { get; init; }

    /// <summary>Status written on create (the server's PrepareForCreate); null keeps what the client sent.</summary>
    public JsonObject? StatusOnCreate { get; init; }

    /// <summary>Top-level fields the server's defaulting sets on create when the client left them out (a Secret's type: Opaque).</summary>
    public IReadOnlyList<(string Field, string Value)> CreateDefaults { get; init; } = [];

    /// <summary>Field labels usable in fieldSelector besides metadata.name and metadata.namespace.</summary>
    public IReadOnlyList<string> FieldLabels { get; init; } = [];

    /// <summary>What DELETE does to dependents when the client names no propagationPolicy (batch/v1 Jobs orphan).</summary>
    public string DefaultPropagation { get; init; } = "Background";

    /// <summary>Extra columns shown by kubectl get (Table output): column name and a dotted JSON path.</summary>
    public IReadOnlyList<(string Name, string Path)> Columns { get; init; } = [];

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The key Kubernetes uses in messages: "pods", "jobs.batch".</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}

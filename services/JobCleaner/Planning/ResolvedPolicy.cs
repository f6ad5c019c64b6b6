using AwsIntegrations.JobCleaner.Policy;

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>The policy for one object after flags, namespace annotations and its own annotations; or why there is none.</summary>
public sealed record ResolvedPolicy(CleanupPolicy? Policy, string? Error)
{
    /// <summary>Flags, then the namespace's annotations, then the object's own: the most specific wins.</summary>
    public static ResolvedPolicy Resolve(CleanupPolicy defaults, AnnotationResult? namespaceAnnotations, AnnotationResult own)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(own);
        if (namespaceAnnotations is { Error: { } namespaceError })
        {
            return new ResolvedPolicy(null, "namespace annotation " + namespaceError);
        }

        if (own.Error is { } error)
        {
            return new ResolvedPolicy(null, error);
        }

        var policy = namespaceAnnotations?.Override.ApplyTo(defaults) ?? defaults;
        return new ResolvedPolicy(own.Override.ApplyTo(policy), null);
    }
}

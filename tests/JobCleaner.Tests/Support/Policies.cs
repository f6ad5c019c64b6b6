using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.JobCleaner.Policy;

namespace AwsIntegrations.JobCleaner.Tests.Support;

internal static class Policies
{
    /// <summary>kube-job-cleaner's defaults: one hour for finished Jobs, no running timeout.</summary>
    public static CleanupPolicy Default { get; } = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1), null, false);

    public static ResolvedPolicy Resolved(CleanupPolicy? policy = null) => new(policy ?? Default, null);

    public static ResolvedPolicy For(IDictionary<string, string>? ownAnnotations, IDictionary<string, string>? namespaceAnnotations = null, CleanupPolicy? defaults = null) =>
        ResolvedPolicy.Resolve(
            defaults ?? Default,
            namespaceAnnotations is null ? null : AnnotationReader.Read(namespaceAnnotations, readLegacyTimeout: false),
            AnnotationReader.Read(ownAnnotations, readLegacyTimeout: true));
}

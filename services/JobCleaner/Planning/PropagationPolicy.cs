namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>What happens to a deleted Job's pods (the API's propagationPolicy).</summary>
public enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>Why an object goes; the metrics' reason label is the kebab-case name.</summary>
public enum DeleteReason
{
    Succeeded,
    Failed,
    Timeout,
    Orphan,
}

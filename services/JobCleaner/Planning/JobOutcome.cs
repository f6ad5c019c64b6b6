namespace AwsIntegrations.JobCleaner.Planning;

public enum JobOutcome
{
    Succeeded,
    Failed,
}

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>
/// When a Job goes: succeeded ones after <paramref name="SucceededAge"/>, failed ones after <paramref name="FailedAge"/>,
/// running ones after <paramref name="Timeout"/> (null: never); <paramref name="Disabled"/> keeps everything.
/// </summary>
public sealed record CleanupPolicy(TimeSpan SucceededAge, TimeSpan FailedAge, TimeSpan? Timeout, bool Disabled);

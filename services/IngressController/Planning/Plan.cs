namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// The writes to make, in order, and the cleanup bookkeeping: since when each unneeded resource has been unneeded
/// (keys "alb:name", "tg:name", "cert:alb:arn"), and when the next one comes due.
/// </summary>
public sealed record Plan(IReadOnlyList<Change> Changes, IReadOnlyDictionary<string, DateTimeOffset> Unneeded, DateTimeOffset? NextCleanupAt);

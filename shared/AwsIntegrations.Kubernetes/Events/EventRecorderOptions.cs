namespace AwsIntegrations.Kubernetes.Events;

public sealed record EventRecorderOptions(string Component)
{
    /// <summary>Written as source.host and reportingInstance (the pod or node name).</summary>
    public string? Instance { get; init; } = Environment.GetEnvironmentVariable("HOSTNAME");

    /// <summary>Writes allowed at once per involved object (client-go's spam filter: 25, then one per 5 minutes).</summary>
    public int BurstPerObject { get; init; } = 25;

    public TimeSpan RefillPeriodPerObject { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many distinct events are remembered for aggregation.</summary>
    public int CacheSize { get; init; } = 4096;
}

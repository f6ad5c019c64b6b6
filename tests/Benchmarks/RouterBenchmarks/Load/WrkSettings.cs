namespace AwsIntegrations.Benchmarks.Router.Load;

/// <summary>One load generator setting for every side of a comparison: threads, connections, and the Host header sent.</summary>
public sealed record WrkSettings(int Threads, int Connections, string Host)
{
    public string Describe(TimeSpan duration) => $"wrk -t{Threads} -c{Connections} -d{duration.TotalSeconds:0.#}s --latency, Host: {Host}";
}

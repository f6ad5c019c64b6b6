namespace AwsIntegrations.Benchmarks.Router.Rollout;

/// <summary>How the rolled-out application behaves on SIGTERM, and how to start one of its pods on an address and port.</summary>
public sealed record PodKind(string Name, string Description, int Subnet, Func<string, int, Task<IPod>> Start);

using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>The Router process at one size: routes it loaded, requests/s over the sizes' hosts, and its resident memory.</summary>
public sealed record ThroughputFigures(int Ingresses, int Routes, Measurement RequestsPerSecond, Measurement P99Ms, double ResidentMb, long FailedRequests);

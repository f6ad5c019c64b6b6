using AwsIntegrations.Benchmarks.Router.Load;

namespace AwsIntegrations.Benchmarks.Router.Rollout;

/// <summary>
/// One load run through the Router during back-to-back rollouts: wrk's counts, the Router's retry counters over the run, and the
/// forwarding failures it logged (not retried) by cause.
/// </summary>
public sealed record RolloutFigures(PodKind Kind, int Rollouts, int PodsReplaced, WrkResult Load, double Retries, double ConnectFailures, IReadOnlyDictionary<string, int> Failures);

using Router.Benchmarks.Load;

namespace Router.Benchmarks.Rollout;

/// <summary>One load run through the Router during back-to-back rollouts, with the Router's own retry counters over the run.</summary>
public sealed record RolloutFigures(int Rollouts, int PodsReplaced, WrkResult Load, double Retries, double ConnectFailures);

using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>Route-table build costs at one size: wall and CPU time per build, bytes allocated per build, and the heap the table holds.</summary>
public sealed record BuildFigures(int Ingresses, int Routes, Measurement WallMs, Measurement CpuMs, Measurement AllocatedMb, Measurement HeldMb);

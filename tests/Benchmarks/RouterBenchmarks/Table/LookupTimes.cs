using AwsIntegrations.Benchmarking;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>
/// Runs <see cref="LookupBenchmark"/> with BenchmarkDotNet in this process (its default child-process build is too slow here)
/// with a short job, and returns nanoseconds per lookup for each size: the median of the measured iterations and their spread.
/// </summary>
public static class LookupTimes
{
    public static (Dictionary<int, Measurement> Nanoseconds, string Job) Measure(IReadOnlyList<int> sizes, bool quick, string artifacts)
    {
        WarmUp(sizes[0]);
        var warmups = quick ? 3 : 5;
        var iterations = quick ? 5 : 15;
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(warmups).WithIterationCount(iterations)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(quick ? 150 : 500));
        var log = new CapturingLogger();
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(log)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        LookupBenchmark.Sizes = sizes;
        var summary = BenchmarkRunner.Run<LookupBenchmark>(config);
        if (summary.HasCriticalValidationErrors || summary.Reports.Length != sizes.Count)
        {
            throw new InvalidOperationException("BenchmarkDotNet did not run every size:\n" + log.Text);
        }

        var results = new Dictionary<int, Measurement>();
        foreach (var report in summary.Reports)
        {
            if (!report.Success)
            {
                throw new InvalidOperationException($"BenchmarkDotNet failed for {report.BenchmarkCase.DisplayInfo}:\n{log.Text}");
            }

            var size = (int)report.BenchmarkCase.Parameters["Ingresses"];
            results[size] = new Measurement(report.GetResultRuns().Select(run => run.Nanoseconds / run.Operations));
        }

        var description = $"BenchmarkDotNet 0.14, in-process emit toolchain, {warmups} warm-up and {iterations} measured iterations of " +
                          $"{(quick ? 150 : 500)} ms per size, {LookupBenchmark.RequestsPerInvocation:N0} lookups per invocation";
        return (results, description);
    }

    // The first size would otherwise be measured while the JIT's background thread, starved on a busy machine, still has
    // Match at its first tier.
    private static void WarmUp(int size)
    {
        var benchmark = new LookupBenchmark { Ingresses = size };
        benchmark.Setup();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 500)
        {
            benchmark.Lookup();
        }
    }
}

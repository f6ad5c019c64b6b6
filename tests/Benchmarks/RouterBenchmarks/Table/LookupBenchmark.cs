using BenchmarkDotNet.Attributes;
using Router.Benchmarks.Cluster;
using Router.Routing;

namespace Router.Benchmarks.Table;

/// <summary>
/// BenchmarkDotNet: one route lookup (Host + path → route) in a table of N Ingresses, averaged over 4,096 requests spread over
/// random Ingresses and their paths, so that a bigger table pays for its cache misses.
/// </summary>
public class LookupBenchmark
{
    public const int RequestsPerInvocation = 4096;

    private RouteTable _table = RouteTable.Empty;
    private (string Host, string Path)[] _requests = [];

    /// <summary>Set by the caller before BenchmarkDotNet runs (the sizes of this run).</summary>
    public static IReadOnlyList<int> Sizes { get; set; } = [10];

    [ParamsSource(nameof(Sizes))]
    public int Ingresses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _table = RouteTableBuilder.Build(SyntheticCluster.Create(Ingresses), BuildCost.Settings()).Table;
        var random = new Random(42);
        _requests = [.. Enumerable.Range(0, RequestsPerInvocation).Select(_ =>
        {
            var i = random.Next(Ingresses);
            return (SyntheticCluster.RequestHost(i), SyntheticCluster.RequestPath(i, random.Next(4)));
        })];
        var misses = _requests.Count(r => _table.Match(r.Host, r.Path) is null);
        if (misses > 0)
        {
            throw new InvalidOperationException($"{misses} requests found no route: the synthetic cluster is wrong");
        }
    }

    [Benchmark(OperationsPerInvoke = RequestsPerInvocation)]
    public Route? Lookup()
    {
        Route? last = null;
        foreach (var (host, path) in _requests)
        {
            last = _table.Match(host, path);
        }

        return last;
    }
}

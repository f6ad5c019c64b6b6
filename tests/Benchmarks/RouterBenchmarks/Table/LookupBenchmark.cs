using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using AwsIntegrations.Benchmarks.Router.Cluster;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>
/// BenchmarkDotNet: one route lookup (Host + path, and the predicates of the routes found there → route) in a table of N
/// Ingresses, averaged over 4,096 GET requests spread over random Ingresses and their paths, so that a bigger table pays for
/// its cache misses.
/// </summary>
public class LookupBenchmark
{
    public const int RequestsPerInvocation = 4096;

    private RouteTable _table = RouteTable.Empty;
    private HttpRequest[] _requests = [];

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
            var request = new DefaultHttpContext().Request;
            request.Method = HttpMethods.Get;
            request.Host = new HostString(SyntheticCluster.RequestHost(i));
            request.Path = SyntheticCluster.RequestPath(i, random.Next(4));
            return request;
        })];
        var misses = _requests.Count(r => _table.Match(r) is null);
        if (misses > 0)
        {
            throw new InvalidOperationException($"{misses} requests found no route: the synthetic cluster is wrong");
        }
    }

    [Benchmark(OperationsPerInvoke = RequestsPerInvocation)]
    public Route? Lookup()
    {
        Route? last = null;
        foreach (var request in _requests)
        {
            last = _table.Match(request);
        }

        return last;
    }
}

using System.Globalization;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Benchmarks.Router.Cluster;
using AwsIntegrations.Benchmarks.Router.Sides;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>
/// The first route table of a just-started Router process, as a node's Router starts on a cluster that already has its
/// Ingresses: the cluster is written first, then the process starts and builds its table once its informers have synced;
/// the figure is its own router_route_table_build_duration_seconds (one build). Measured for the Release build (the JIT
/// compiles the builder as it goes) and for the image's ReadyToRun publish (Dockerfile.base), when run.sh made one.
/// </summary>
public static class FirstTable
{
    /// <summary>Where run.sh publishes the Router as the image does (ReadyToRun); absent when it could not.</summary>
    public const string ReadyToRunVariable = "ROUTER_READY_TO_RUN_DLL";

    public static async Task<(double JitMs, double? ReadyToRunMs)> MeasureAsync(int size, int backendPort, string dir)
    {
        await using var kube = await KubernetesEmulator.StartAsync(0);
        ClusterWriter.Write(kube, SyntheticCluster.Create(0, size, _ => ["127.0.0.1"], backendPort));
        var jit = await FirstBuildMsAsync(kube, dir, null);
        var readyToRun = Environment.GetEnvironmentVariable(ReadyToRunVariable) is { Length: > 0 } dll && File.Exists(dll)
            ? await FirstBuildMsAsync(kube, dir, dll)
            : (double?)null;
        return (jit, readyToRun);
    }

    private static async Task<double> FirstBuildMsAsync(KubernetesEmulator kube, string dir, string? routerDll)
    {
        await using var router = await RouterProcess.StartAsync(dir, kube, routerDll);
        var count = await router.MetricAsync("router_route_table_build_duration_seconds_count");
        var seconds = await router.MetricAsync("router_route_table_build_duration_seconds_sum");
        return count == 1
            ? seconds * 1000
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the Router built {count} tables before it was ready, not one"));
    }
}

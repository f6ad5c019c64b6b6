using System.Runtime;

namespace Router.Routing;

/// <summary>
/// Builds a table inside a no-GC region sized for it. A build allocates a few KB per Ingress, and most of it survives (it is
/// the new table): left to the normal budget, every gen0 collection during a big build would copy the half-built table into
/// gen1 again (measured: 19 gen0+gen1 collections for one 10,000-Ingress build). One collection up front is much cheaper.
/// </summary>
public static class GcQuietBuild
{
    private const long MinBudget = 16L << 20;
    private const long MaxBudget = 240L << 20;

    public static BuildResult Build(ClusterState state, BuildSettings settings)
    {
        var budget = Math.Clamp((state.Ingresses.Count * 6_000L) + (state.EndpointSlices.Count * 1_500L), MinBudget, MaxBudget);
        var quiet = false;
        try
        {
            quiet = GC.TryStartNoGCRegion(budget);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Too big for this GC configuration, or a region is already open: build with normal collections.
        }

        try
        {
            return RouteTableBuilder.Build(state, settings);
        }
        finally
        {
            if (quiet && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }
}

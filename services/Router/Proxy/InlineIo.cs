namespace AwsIntegrations.Router.Proxy;

/// <summary>
/// Socket I/O completed on the thread that polled it, and requests run there too (Kestrel's UnsafePreferInlineScheduling):
/// on the 2-core nodes the Router shares with wrk-like load, the thread-pool hops between the client's socket, YARP and the
/// backend's socket cost more than the work (the Router's profile is half kernel time, mostly context switches). Measured
/// with tests/Benchmarks/RouterBenchmarks: 0.67× nginx's requests/s without it, 0.77× with it; either setting alone gains
/// nothing. It is safe here because nothing on the request path blocks: forwarding and filters are asynchronous, route
/// tables are built on the thread pool (RouteTableUpdater's channel never runs its reader inline), logging is queued.
/// DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 in the environment turns both off.
/// </summary>
public static class InlineIo
{
    private const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Must run before the first socket is made: the runtime reads the variable once.</summary>
    public static void EnableUnlessSet()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }
}

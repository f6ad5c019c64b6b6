namespace AwsIntegrations.Router.Backends;

/// <summary>
/// One pod address (ip:port) as the proxy sees it, shared by every route table that names it: requests in flight (for power of
/// two choices) and when a refused connection ejected it until.
/// </summary>
public sealed class EndpointState(string address)
{
    private long _ejectedUntil;
    private int _inFlight;

    public string Address { get; } = address;

    /// <summary>What YARP forwards to: the request path and query are appended.</summary>
    public string DestinationPrefix { get; } = "http://" + address;

    public int InFlight => Volatile.Read(ref _inFlight);

    public bool IsEjected(long nowTimestamp) => Volatile.Read(ref _ejectedUntil) > nowTimestamp;

    public void Eject(long untilTimestamp) => Volatile.Write(ref _ejectedUntil, untilTimestamp);

    public void Started() => Interlocked.Increment(ref _inFlight);

    public void Finished() => Interlocked.Decrement(ref _inFlight);
}

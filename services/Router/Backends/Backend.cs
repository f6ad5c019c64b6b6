using AwsIntegrations.Router.Options;

namespace AwsIntegrations.Router.Backends;

/// <summary>
/// A Service port resolved to endpoints, with its load-balancing state. Immutable but for the round-robin counter; a rebuild
/// makes new ones.
/// </summary>
public sealed class Backend
{
    private readonly HashRing? _ring;
    private int _next;

    public Backend(string serviceNamespace, string serviceName, string port, IReadOnlyList<EndpointState> endpoints, bool terminatingFallback, LoadBalancing loadBalancing)
    {
        ServiceNamespace = serviceNamespace;
        ServiceName = serviceName;
        Port = port;
        Endpoints = [.. endpoints];
        TerminatingFallback = terminatingFallback;
        LoadBalancing = loadBalancing;
        _next = endpoints.Count > 0 ? System.Random.Shared.Next(endpoints.Count) : 0;
        _ring = loadBalancing == LoadBalancing.ConsistentHash && endpoints.Count > 1 ? new HashRing(endpoints) : null;
    }

    public string ServiceNamespace { get; }

    public string ServiceName { get; }

    /// <summary>The Service port as the Ingress names it (number or name).</summary>
    public string Port { get; }

    public EndpointState[] Endpoints { get; }

    /// <summary>True when no endpoint was ready and serving terminating endpoints are used (as kube-proxy does).</summary>
    public bool TerminatingFallback { get; }

    public LoadBalancing LoadBalancing { get; }

    /// <summary>
    /// The endpoint for the next attempt: the algorithm's choice, else the next one that is neither ejected nor already tried;
    /// ejected ones only when nothing else is left; null when every endpoint was tried. <paramref name="clientKey"/> is the
    /// client's hash for consistent hashing.
    /// </summary>
    public EndpointState? Choose(ReadOnlySpan<EndpointState?> tried, long nowTimestamp, ulong clientKey = 0)
    {
        var endpoints = Endpoints;
        var count = endpoints.Length;
        if (count == 0)
        {
            return null;
        }

        if (_ring is not null)
        {
            return OnRing(tried, nowTimestamp, clientKey);
        }

        var start = LoadBalancing switch
        {
            LoadBalancing.Random => System.Random.Shared.Next(count),
            LoadBalancing.PowerOfTwoChoices => PowerOfTwo(endpoints),
            _ => (int)((uint)Interlocked.Increment(ref _next) % (uint)count),
        };
        for (var pass = 0; pass < 2; pass++)
        {
            EndpointState? least = null;
            for (var i = 0; i < count; i++)
            {
                var candidate = endpoints[(start + i) % count];
                if (Contains(tried, candidate) || (pass == 0 && candidate.IsEjected(nowTimestamp)))
                {
                    continue;
                }

                if (LoadBalancing != LoadBalancing.LeastRequests)
                {
                    return candidate;
                }

                // Fewest requests in flight; ties go to the first from the round-robin start, so idle endpoints take turns.
                if (least is null || candidate.InFlight < least.InFlight)
                {
                    least = candidate;
                }
            }

            if (least is not null)
            {
                return least;
            }
        }

        return null;
    }

    private EndpointState? OnRing(ReadOnlySpan<EndpointState?> tried, long nowTimestamp, ulong clientKey)
    {
        var start = _ring!.Start(clientKey);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < _ring.Length; i++)
            {
                var candidate = Endpoints[_ring.Owner(start + i)];
                if (!Contains(tried, candidate) && (pass == 1 || !candidate.IsEjected(nowTimestamp)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    // The two draws are distinct endpoints: drawing the same one twice would be a wasted choice.
    private static int PowerOfTwo(EndpointState[] endpoints)
    {
        var first = System.Random.Shared.Next(endpoints.Length);
        if (endpoints.Length == 1)
        {
            return first;
        }

        var second = System.Random.Shared.Next(endpoints.Length - 1);
        if (second >= first)
        {
            second++;
        }

        return endpoints[second].InFlight < endpoints[first].InFlight ? second : first;
    }

    private static bool Contains(ReadOnlySpan<EndpointState?> tried, EndpointState candidate)
    {
        foreach (var t in tried)
        {
            if (ReferenceEquals(t, candidate))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Concurrent;

namespace AwsIntegrations.Router.Backends;

/// <summary>The <see cref="EndpointState"/> per address, kept across route-table rebuilds so ejections survive them.</summary>
public sealed class EndpointRegistry
{
    private readonly ConcurrentDictionary<string, EndpointState> _states = new(StringComparer.Ordinal);

    public EndpointState Get(string address) => _states.GetOrAdd(address, static a => new EndpointState(a));

    public int Count => _states.Count;

    /// <summary>Forgets addresses no route names any more (called after a rebuild).</summary>
    public void Retain(IReadOnlySet<string> addresses)
    {
        foreach (var address in _states.Keys)
        {
            if (!addresses.Contains(address))
            {
                _states.TryRemove(address, out _);
            }
        }
    }
}

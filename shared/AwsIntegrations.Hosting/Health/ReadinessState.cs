using System.Collections.Concurrent;

namespace AwsIntegrations.Hosting.Health;

/// <summary>
/// Whether the service can do its job. Components add checks (an informer synced, a route table built); the moment SIGTERM
/// arrives the service is draining and never ready again.
/// </summary>
public sealed class ReadinessState
{
    private readonly ConcurrentDictionary<string, Func<bool>> _checks = new(StringComparer.Ordinal);
    private volatile bool _draining;

    public bool IsDraining => _draining;

    public void AddCheck(string name, Func<bool> isReady) => _checks[name] = isReady;

    public void BeginDraining() => _draining = true;

    /// <summary>The names of the checks that fail now (and "shutting down" while draining); empty means ready.</summary>
    public IReadOnlyList<string> FailingChecks()
    {
        var failing = _checks.Where(check => !SafeInvoke(check.Value)).Select(check => check.Key).Order(StringComparer.Ordinal).ToList();
        if (_draining)
        {
            failing.Insert(0, "shutting down");
        }

        return failing;
    }

    public bool IsReady => FailingChecks().Count == 0;

    private static bool SafeInvoke(Func<bool> check)
    {
        try
        {
            return check();
        }
#pragma warning disable CA1031 // A throwing check means "not ready", never a crashed probe.
        catch
#pragma warning restore CA1031
        {
            return false;
        }
    }
}

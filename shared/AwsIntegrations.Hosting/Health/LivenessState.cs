using System.Collections.Concurrent;

namespace AwsIntegrations.Hosting.Health;

/// <summary>
/// Whether the process is alive and should not be restarted. Only checks whose failure a restart would fix belong here
/// (e.g. a stuck loop), never dependencies like the API server.
/// </summary>
public sealed class LivenessState
{
    private readonly ConcurrentDictionary<string, Func<bool>> _checks = new(StringComparer.Ordinal);

    public void AddCheck(string name, Func<bool> isAlive) => _checks[name] = isAlive;

    public IReadOnlyList<string> FailingChecks() =>
        _checks.Where(check => !check.Value()).Select(check => check.Key).Order(StringComparer.Ordinal).ToList();
}

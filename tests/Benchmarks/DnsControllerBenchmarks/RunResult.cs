using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.DnsController.Benchmarks;

/// <summary>One run at one size: the first sync from empty zones and, when measured, the controller at rest.</summary>
internal sealed record RunResult(int Ingresses, double ConvergeSeconds, double AfterFirstCallSeconds, CallCounts ConvergeCalls, RestResult? Rest, IReadOnlyList<double> ChangeLatencies);

/// <summary>
/// At rest: the calls in an idle window (periodic full plans over the cached zones, nothing changing), the calls of one full
/// zone read (what every --resync-interval costs), and the external-dns-style list of the same zones (what every --interval
/// of external-dns costs).
/// </summary>
internal sealed record RestResult(int IdleSeconds, CallCounts IdleCalls, CallCounts ReadCalls, double ReadSeconds, CallCounts ReferenceCalls)
{
    public const double ResyncPerHour = 1; // --resync-interval 1h (default)
    public const double ExternalDnsSyncsPerHour = 60; // external-dns --interval 1m (default)

    public double OursPerHour => ReadCalls.Total * ResyncPerHour + IdleCalls.Total * 3600.0 / IdleSeconds;

    public double ReferencePerHour => ReferenceCalls.Total * ExternalDnsSyncsPerHour;
}

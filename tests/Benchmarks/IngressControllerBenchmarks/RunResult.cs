using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.IngressController;

/// <summary>One run at one size: convergence from an empty account and, when measured, one simulated hour at rest.</summary>
internal sealed record RunResult(
    int Ingresses,
    CallCounts ConvergeCalls,
    double ConvergeSeconds,
    double SimulatedSeconds,
    int Passes,
    int LoadBalancers,
    string CertificatesPerAlb,
    RestHour? Rest);

/// <summary>
/// One hour at rest. <see cref="ResyncPass"/> is its largest pass (a resync: AWS read in full, plus ListCertificates when the
/// certificate polling interval has passed); a controller that re-reads everything every 30 s, as kube-ingress-aws-controller
/// does, would make that pass's reads 120 times an hour.
/// </summary>
internal sealed record RestHour(CallCounts Calls, int Passes, CallCounts ResyncPass)
{
    public const int PollsPerHour = 3600 / 30;

    public double ReferencePerHour => ResyncPass.Total * (double)PollsPerHour;
}

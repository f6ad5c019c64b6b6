using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Planning;
using AwsIntegrations.Kubernetes.Events;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.IngressController.Apply;

/// <summary>
/// What AWS refused since the last full read: per load balancer the refusal and what the load balancer was wanted as then,
/// and the refused certificates (ARN → why). A load balancer whose wants have not changed since is held back (no write is
/// repeated that AWS will refuse again) with the refusal on its Ingresses; a refused certificate is left out of every
/// load balancer. Everything is tried once more after the next full read (<see cref="Clear"/>).
/// </summary>
public sealed partial class RefusalMemory(IngressMetrics metrics, ILogger<RefusalMemory> logger)
{
    private readonly Dictionary<string, HeldRefusal> _albs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _certificates = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Certificates => _certificates;

    public void Clear()
    {
        _albs.Clear();
        _certificates.Clear();
    }

    /// <summary>The load balancers to leave alone this pass; their refusal goes on their Ingresses again.</summary>
    public IReadOnlySet<string> HoldBack(DesiredState desired, IReadOnlySet<string> targets)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, refusal) in _albs.ToList())
        {
            if (!desired.Albs.TryGetValue(name, out var alb) || Fingerprint(alb, targets) != refusal.Fingerprint)
            {
                _albs.Remove(name);
                continue;
            }

            held.Add(name);
            desired.Problems.AddToEach(alb.Ingresses, refusal.Problem);
        }

        return held;
    }

    /// <summary>
    /// Puts what AWS refused on the Ingresses concerned and remembers it; returns whether an ACM certificate was refused that
    /// ELBv2 does not know (then the certificate list is out of date).
    /// </summary>
    public bool Remember(ApplyOutcome outcome, DesiredState desired, IReadOnlySet<string> targets)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(desired);
        foreach (var (name, refusal) in outcome.Refused.Where(r => !r.Value.IsCertificate))
        {
            metrics.Refusal(refusal.Change.Operation, refusal.Code);
            LogRefused(logger, refusal.Change.Operation, name, refusal.Code, refusal.Message);
            if (desired.Albs.TryGetValue(name, out var alb))
            {
                var problem = refusal.ToProblem();
                _albs[name] = new HeldRefusal(Fingerprint(alb, targets), problem);
                desired.Problems.AddToEach(alb.Ingresses, problem);
            }
        }

        foreach (var (arn, reason) in outcome.RefusedCertificates)
        {
            metrics.Refusal("AddListenerCertificates", reason.Split(':')[0]);
            LogRefusedCertificate(logger, arn, reason);
            _certificates[arn] = reason;
            desired.Problems.AddToEach(desired.Requests.Where(r => r.Certificates.Contains(arn)).Select(r => r.IngressKey), IngressCertificates.Refused(arn, reason));
        }

        return outcome.RefusedCertificates.Keys.Any(arn => arn.Contains(":acm:", StringComparison.Ordinal));
    }

    /// <summary>What a load balancer is wanted as: a refusal is retried only when this changes.</summary>
    private static string Fingerprint(DesiredAlb alb, IReadOnlySet<string> targets) => string.Join('|',
        alb.Group.Hash, string.Join(',', alb.Certificates), string.Join(',', alb.Subnets ?? []), alb.SecurityGroup ?? "",
        string.Join(',', targets.Order(StringComparer.Ordinal)));

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "AWS refused {Operation} on {LoadBalancer}: {Code}: {AwsMessage}; the other load balancers go on")]
    private static partial void LogRefused(ILogger logger, string operation, string loadBalancer, string code, string awsMessage);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "AWS refused certificate {Certificate} ({Reason}); it is left out until the next resync")]
    private static partial void LogRefusedCertificate(ILogger logger, string certificate, string reason);

    private sealed record HeldRefusal(string Fingerprint, Problem Problem);
}

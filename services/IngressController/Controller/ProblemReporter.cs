using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.Kubernetes.Events;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>
/// Turns problems into Warning Events on the Ingress and a warning log line naming it, once per problem while it lasts (not
/// once per pass).
/// </summary>
public sealed partial class ProblemReporter(EventRecorder? events, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private Dictionary<string, HashSet<IngressProblem>> _reported = new(StringComparer.Ordinal);

    public void Report(IReadOnlyDictionary<string, (V1Ingress Ingress, List<IngressProblem> Problems)> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var next = new Dictionary<string, HashSet<IngressProblem>>(StringComparer.Ordinal);
        foreach (var (key, (ingress, problems)) in current)
        {
            var before = _reported.GetValueOrDefault(key) ?? [];
            foreach (var problem in problems.Where(p => !before.Contains(p)))
            {
                LogProblem(_logger, key, problem.Reason, problem.Message);
                events?.Warning(ingress, problem.Reason, problem.Message);
            }

            if (problems.Count > 0)
            {
                next[key] = [.. problems];
            }
        }

        _reported = next;
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Ingress {Ingress}: {Reason}: {Message}")]
    private static partial void LogProblem(ILogger logger, string ingress, string reason, string message);
}

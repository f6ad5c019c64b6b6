using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.Kubernetes.Events;
using k8s;
using k8s.Models;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>Turns problems into Warning Events on the Ingress, once per problem while it lasts (not once per pass).</summary>
public sealed class ProblemReporter(EventRecorder? events)
{
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
                events?.Warning(ingress, problem.Reason, problem.Message);
            }

            if (problems.Count > 0)
            {
                next[key] = [.. problems];
            }
        }

        _reported = next;
    }
}

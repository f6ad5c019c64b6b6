using AwsIntegrations.Kubernetes.Events;
using k8s.Models;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>The problems of each Ingress of our class found in one pass; each becomes a Warning Event on its Ingress.</summary>
public sealed class IngressProblems
{
    private readonly IReadOnlyDictionary<string, V1Ingress> _ingresses;
    private readonly Dictionary<string, List<Problem>> _problems = new(StringComparer.Ordinal);

    /// <param name="ingresses">Our Ingresses by "namespace/name": only they can have problems.</param>
    public IngressProblems(IReadOnlyDictionary<string, V1Ingress> ingresses)
    {
        _ingresses = ingresses;
    }

    public void Add(string ingress, Problem problem)
    {
        if (!_ingresses.ContainsKey(ingress))
        {
            throw new KeyNotFoundException($"{ingress} is not one of our Ingresses");
        }

        if (!_problems.TryGetValue(ingress, out var list))
        {
            _problems[ingress] = list = [];
        }

        list.Add(problem);
    }

    public void Add(string ingress, IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
        {
            Add(ingress, problem);
        }
    }

    /// <summary>The same problem on each of <paramref name="ingresses"/> (e.g. everything placed on one load balancer).</summary>
    public void AddToEach(IEnumerable<string> ingresses, Problem problem)
    {
        foreach (var ingress in ingresses)
        {
            Add(ingress, problem);
        }
    }

    public IReadOnlyList<Problem> Of(string ingress) => _problems.TryGetValue(ingress, out var list) ? list : [];

    /// <summary>Says each problem on its Ingress (once while it lasts), then ends the reporter's pass.</summary>
    public void ReportTo(ProblemReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        foreach (var (key, problems) in _problems.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var problem in problems)
            {
                reporter.Report($"Ingress {key}", _ingresses[key], problem);
            }
        }

        reporter.EndPass();
    }
}

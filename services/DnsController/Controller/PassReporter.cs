using AwsIntegrations.DnsController.Apply;
using AwsIntegrations.DnsController.Metrics;
using AwsIntegrations.DnsController.Planning;
using AwsIntegrations.DnsController.Sources;
using AwsIntegrations.Kubernetes.Events;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.DnsController.Controller;

/// <summary>
/// Tells what a pass did, on the objects it concerns: a Normal Event per record created, updated, deleted or migrated, a
/// Warning Event per problem (the plan's and Route 53's refusals, each said once per full read, not on every pass), the
/// metrics, and the log lines.
/// </summary>
public sealed partial class PassReporter(EventRecorder events, ProblemReporter problems, DnsMetrics metrics, ILogger<PassReporter> logger)
{
    /// <summary>After a full read every problem still found is said again.</summary>
    public void Forget() => problems.Forget();

    public void Report(IReadOnlyList<SourceObject> sources, PassPlan plan, IReadOnlyList<ZoneOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(outcomes);
        var byResource = new Lazy<Dictionary<string, SourceObject>>(() => sources.GroupBy(s => s.Resource).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        foreach (var (zone, outcome) in outcomes)
        {
            foreach (var group in outcome.Applied)
            {
                Applied(zone, group, byResource);
            }
        }

        var refusals = outcomes.SelectMany(o => o.Outcome.Refused.Select(r => new SourceProblem(
            r.Group.Resource ?? string.Empty, "ChangeRefused", $"Route 53 refused {r.Group} in zone {o.Zone.Name}: {r.Message}")));
        foreach (var problem in plan.Problems.Concat(refusals).Distinct())
        {
            var about = byResource.Value.GetValueOrDefault(problem.Resource)?.Object;
            if (problems.Report(problem.Resource, about, problem.Problem))
            {
                metrics.Failure(problem.Reason);
            }
        }
    }

    public void Synced(long desired, long managed, DateTimeOffset at) => metrics.Synced(desired, managed, at);

    public void PassFailed(string error) => LogPassFailed(logger, error);

    private void Applied(Inventory.Zone zone, ChangeGroup group, Lazy<Dictionary<string, SourceObject>> byResource)
    {
        foreach (var change in group.Changes)
        {
            metrics.ChangeApplied(change.Action, change.RecordSet.Type);
        }

        var about = group.Resource is null ? null : byResource.Value.GetValueOrDefault(group.Resource)?.Object;
        foreach (var action in group.Actions)
        {
            LogApplied(logger, action.Verb, action.Type, action.Name, zone.Name, zone.Id, group.Resource ?? "-");
            if (about is not null)
            {
                events.Normal(about, action.EventReason, $"{action.Verb} {action.Type} record {action.Name} in zone {zone.Name} ({zone.Id})");
            }
        }
    }

    [LoggerMessage(EventId = 3042, Level = LogLevel.Information, Message = "{Verb} {Type} record {Name} in zone {Zone} ({ZoneId}) for {Resource}")]
    private static partial void LogApplied(ILogger logger, string verb, string type, string name, string zone, string zoneId, string resource);

    [LoggerMessage(EventId = 3045, Level = LogLevel.Warning, Message = "Pass failed while reading Route 53: {Error}")]
    private static partial void LogPassFailed(ILogger logger, string error);
}

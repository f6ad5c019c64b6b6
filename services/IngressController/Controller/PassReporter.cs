using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.IngressController.Planning;
using AwsIntegrations.IngressController.Waf;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>
/// The end of a pass: Ingress statuses written, each problem said once while it lasts (a Warning Event on its Ingress and a
/// log line), the gauges set.
/// </summary>
public sealed class PassReporter(StatusWriter status, ProblemReporter problems, IngressMetrics metrics, IngressControllerOptions options)
{
    /// <summary>Reports the pass; returns how soon a status is due to be written (a load balancer provisioning or too young).</summary>
    public async Task<TimeSpan?> ReportAsync(IngressSnapshot ingresses, DesiredState desired, AwsSnapshot aws, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingresses);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(aws);
        WebAclProblems.Add(desired.Albs, aws.Inventory, desired.Problems);
        var due = await WriteStatusesAsync(ingresses, desired, aws, cancellationToken).ConfigureAwait(false);
        desired.Problems.ReportTo(problems);
        metrics.Observe(aws.Inventory.Albs.Count, ingresses.Ours.Count, aws.Certificates.Count, desired.HostsWithoutCertificate, desired.HostsOnExpiringCertificate);
        return due;
    }

    private async Task<TimeSpan?> WriteStatusesAsync(IngressSnapshot ingresses, DesiredState desired, AwsSnapshot aws, CancellationToken cancellationToken)
    {
        TimeSpan? due = null;
        foreach (var ingress in ingresses.All.OrderBy(i => i.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(i => i.Metadata.Name, StringComparer.Ordinal))
        {
            var key = $"{ingress.Metadata.NamespaceProperty}/{ingress.Metadata.Name}";
            var alb = ingresses.Ours.ContainsKey(key) ? desired.Assignments.GetValueOrDefault(key) : null;
            var action = StatusDecision.For(ingress, alb, aws.Inventory, options.MinLoadBalancerAge, aws.At);
            if (action.WaitFor is { } wait)
            {
                due = due is { } d && d < wait ? d : wait;
            }
            else if (action.Write && !StatusWriter.Matches(ingress, action.Hostname))
            {
                await status.WriteAsync(ingress, action.Hostname, cancellationToken).ConfigureAwait(false);
                metrics.StatusUpdate();
            }
        }

        return due;
    }
}

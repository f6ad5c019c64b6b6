using k8s;
using k8s.Models;

namespace AwsIntegrations.JobCleaner.Cleaning;

/// <summary>
/// Whether the cleaner runs once or keeps running. kube-job-cleaner's CronJob (deploy/cronjob.yaml) passes no arguments and
/// expects one pass and an exit; a Deployment must keep running. The flags decide when given; otherwise the pod the cleaner
/// runs in does: a Job's pod (a CronJob's run) runs once, anything else keeps running.
/// </summary>
public static class RunModeRule
{
    /// <summary>--once=true or --once=false decide; a set --interval means "keep running"; null: ask the pod.</summary>
    public static RunMode? FromFlags(bool? once, TimeSpan? interval) =>
        once is { } given ? (given ? RunMode.Once : RunMode.Loop)
        : interval is not null ? RunMode.Loop
        : null;

    /// <summary>The mode for the cleaner's own pod (null: no such pod, e.g. run from a laptop), and why, for the log.</summary>
    public static (RunMode Mode, string Why) ForOwnPod(V1Pod? pod, string ns, string name)
    {
        if (pod is null)
        {
            return (RunMode.Loop, $"no pod {ns}/{name} found, so not a Job's pod");
        }

        var controller = pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
        return controller is { Kind: "Job" } && controller.ApiVersion.StartsWith("batch/", StringComparison.Ordinal)
            ? (RunMode.Once, $"pod {ns}/{name} belongs to Job {controller.Name}, as a CronJob's run does")
            : (RunMode.Loop, controller is null ? $"pod {ns}/{name} has no controller" : $"pod {ns}/{name} belongs to {controller.Kind} {controller.Name}, not to a Job");
    }
}

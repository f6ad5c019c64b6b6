using AwsIntegrations.Hosting;
using AwsIntegrations.JobCleaner.Cleaning;
using AwsIntegrations.JobCleaner.Metrics;
using AwsIntegrations.JobCleaner.Options;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Controllers;
using AwsIntegrations.Kubernetes.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.JobCleaner;

public static class JobCleanerServiceCollectionExtensions
{
    /// <summary>
    /// The JobCleaner: a pass every --interval under the Lease, or one pass and exit (--once, or started in a Job's pod as
    /// kube-job-cleaner's CronJob starts it). It lists in pages rather than watching, so it declares no watched kinds.
    /// </summary>
    public static void AddJobCleaner(this ServiceHostBuilder<JobCleanerOptions> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Options;
        var services = host.AddKubernetesFor(options.Kubernetes);
        services.AddSingleton<JobCleanerMetrics>();
        services.AddSingleton(sp => new CleanupPass(
            sp.GetRequiredService<KubernetesConnection>(),
            sp.GetRequiredService<EventRecorder>(),
            CleanerSettings.From(options),
            sp.GetRequiredService<JobCleanerMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(JobCleanerOptions.ServiceName)));
        services.AddSingleton(sp => new RunModeDetector(
            sp.GetRequiredService<KubernetesConnection>(),
            Environment.GetEnvironmentVariable,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(JobCleanerOptions.ServiceName)));
        services.AddController<CleanupPass>(JobCleanerOptions.ServiceName, controller => controller
            .WithLoop(debounce: TimeSpan.Zero, resyncInterval: options.PassInterval, maxBackoff: options.PassInterval)
            .WithLeaderElection(options.LeaderElection)
            .RunOnceWhen(async (sp, cancellationToken) =>
                await sp.GetRequiredService<RunModeDetector>().DecideAsync(options.Once, options.Interval, cancellationToken).ConfigureAwait(false) == RunMode.Once));
    }
}

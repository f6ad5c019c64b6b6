using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.JobCleaner.Cleaning;
using AwsIntegrations.JobCleaner.Metrics;
using AwsIntegrations.JobCleaner.Options;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Leadership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

CleanerRunner? runner = null;
var exitCode = await ServiceHost.RunAsync<JobCleanerOptions>("job-cleaner", args, host =>
{
    var options = host.Options;
    host.Services.AddKubernetes(options.Kubernetes);
    host.Services.AddKubernetesEvents("job-cleaner");
    if (options.LeaderElection.LeaderElect && options.Once != true)
    {
        // Not a hosted service of its own: the runner starts it only when the cleaner keeps running, so one pass takes no Lease.
        host.Services.AddSingleton(sp => new LeaderElector(
            sp.CreateUnlimitedKubernetesConnection(),
            options.LeaderElection.ForLease("job-cleaner"),
            sp.GetService<ILogger<LeaderElector>>(),
            ownsClient: true));
        host.Services.AddSingleton<ILeadershipGate>(sp => sp.GetRequiredService<LeaderElector>());
    }
    else
    {
        host.Services.AddSingleton<ILeadershipGate>(AlwaysLeader.Instance);
    }

    host.Services.AddSingleton(sp => new JobCleanerMetrics(sp.GetService<IMeterFactory>()));
    host.Services.AddSingleton(sp => new CleanupPass(
        sp.GetRequiredService<KubernetesConnection>(),
        sp.GetRequiredService<EventRecorder>(),
        CleanerSettings.From(options),
        sp.GetRequiredService<JobCleanerMetrics>(),
        sp.GetRequiredService<TimeProvider>(),
        sp.GetRequiredService<ILoggerFactory>().CreateLogger("job-cleaner")));
    host.Services.AddSingleton<IHostedService>(sp =>
    {
        var time = sp.GetRequiredService<TimeProvider>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("job-cleaner");
        var pass = sp.GetRequiredService<CleanupPass>();
        var detector = new RunModeDetector(sp.GetRequiredService<KubernetesConnection>(), Environment.GetEnvironmentVariable, time, logger);
        return runner = new CleanerRunner(
            token => detector.DecideAsync(options.Once, options.Interval, token),
            pass,
            () => new ReconcileLoop(
                "job-cleaner",
                pass.ReconcileAsync,
                new ReconcileLoopOptions { ResyncInterval = options.PassInterval, Debounce = TimeSpan.Zero, RequiresLeadership = true, MaxBackoff = options.PassInterval },
                time,
                sp.GetRequiredService<ILeadershipGate>(),
                logger,
                sp.GetService<IMeterFactory>()),
            sp.GetService<LeaderElector>(),
            sp.GetRequiredService<IHostApplicationLifetime>());
    });
});

return exitCode == ServiceHost.ExitOk && runner is { OnceSucceeded: false } ? ServiceHost.ExitFailure : exitCode;

using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.JobCleaner.Cleaning;
using AwsIntegrations.JobCleaner.Metrics;
using AwsIntegrations.JobCleaner.Options;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Leadership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

SinglePass? single = null;
var exitCode = await ServiceHost.RunAsync<JobCleanerOptions>("job-cleaner", args, host =>
{
    var options = host.Options;
    host.Services.AddKubernetes(options.Kubernetes);
    host.Services.AddKubernetesEvents("job-cleaner");
    if (options.LeaderElection.LeaderElect && !options.Once)
    {
        host.Services.AddKubernetesLeaderElection(options.LeaderElection.ForLease("job-cleaner"));
    }
    else
    {
        host.Services.AddSingleton<ILeadershipGate>(AlwaysLeader.Instance);
    }

    host.Services.AddSingleton(sp => new JobCleanerMetrics(sp.GetService<IMeterFactory>()));
    host.Services.AddSingleton(sp => new CleanupPass(
        sp.GetRequiredService<KubernetesClient>(),
        sp.GetRequiredService<EventRecorder>(),
        CleanerSettings.From(options),
        sp.GetRequiredService<JobCleanerMetrics>(),
        sp.GetRequiredService<TimeProvider>(),
        sp.GetRequiredService<ILoggerFactory>().CreateLogger("job-cleaner")));
    if (options.Once)
    {
        host.Services.AddSingleton<IHostedService>(sp => single = new SinglePass(sp.GetRequiredService<CleanupPass>(), sp.GetRequiredService<IHostApplicationLifetime>()));
        return;
    }

    host.Services.AddSingleton<IHostedService>(sp => new ReconcileLoop(
        "job-cleaner",
        sp.GetRequiredService<CleanupPass>().ReconcileAsync,
        new ReconcileLoopOptions { ResyncInterval = options.Interval, Debounce = TimeSpan.Zero, RequiresLeadership = true, MaxBackoff = options.Interval },
        sp.GetRequiredService<TimeProvider>(),
        sp.GetRequiredService<ILeadershipGate>(),
        sp.GetRequiredService<ILoggerFactory>().CreateLogger("job-cleaner"),
        sp.GetService<IMeterFactory>()));
});

return exitCode == ServiceHost.ExitOk && single is { Succeeded: not true } ? ServiceHost.ExitFailure : exitCode;

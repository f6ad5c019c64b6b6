using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Kubernetes.Leadership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kubernetes.Controllers;

public static class ControllerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the controller <paramref name="name"/>: <typeparamref name="TReconciler"/> (constructed by the container unless
    /// registered before), what <paramref name="declare"/> says it watches, its loop and its leader election, the "informers"
    /// readiness check and --once. Needs <see cref="KubernetesServiceCollectionExtensions.AddKubernetes"/>.
    /// </summary>
    public static IServiceCollection AddController<TReconciler>(this IServiceCollection services, string name, Action<ControllerBuilder> declare)
        where TReconciler : class, IReconciler
    {
        ArgumentNullException.ThrowIfNull(declare);
        var declaration = new ControllerBuilder(name);
        declare(declaration);
        services.TryAddSingleton<TReconciler>();
        services.TryAddSingleton<LeadershipTerm>();
        if (declaration.LeaderElection is { LeaderElect: true } election)
        {
            // Started by the runner, and only when the loop runs: a single pass never takes the Lease.
            var lease = election.ForLease(name);
            lease.Validate();
            services.TryAddSingleton(sp => new LeaderElector(sp.CreateUnlimitedKubernetesConnection(), lease, sp.GetService<ILogger<LeaderElector>>(), ownsClient: true));
            services.TryAddSingleton<ILeadershipGate>(sp => sp.GetRequiredService<LeaderElector>());
        }
        else
        {
            services.TryAddSingleton<ILeadershipGate>(AlwaysLeader.Instance);
        }

        services.AddSingleton<IHostedService>(sp => new ControllerRunner(declaration, sp.GetRequiredService<TReconciler>(), sp));
        return services;
    }
}

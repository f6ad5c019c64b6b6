using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using AwsIntegrations.Kube2Iam.Credentials;
using AwsIntegrations.Kube2Iam.Debugging;
using AwsIntegrations.Kube2Iam.Iptables;
using AwsIntegrations.Kube2Iam.Metadata;
using AwsIntegrations.Kube2Iam.Options;
using AwsIntegrations.Kube2Iam.Pods;
using AwsIntegrations.Kube2Iam.Roles;
using AwsIntegrations.Kube2Iam.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kube2Iam;

/// <summary>The daemon's object graph: informers of this node's pods (and namespaces), the role decision, the cache, the handler.</summary>
public static class Kube2IamServices
{
    public static IServiceCollection AddKube2Iam(this IServiceCollection services, Kube2IamOptions options)
    {
        // kube2iam's --api-server/--api-token/--insecure choose the configuration.
        services.AddKubernetes(
            options.Kubernetes,
            new InformerOptions { ResyncPeriod = options.CacheResyncPeriod > TimeSpan.Zero ? options.CacheResyncPeriod : null },
            () => KubernetesConnections.Load(options));
        services.AddKubernetesEvents("kube2iam");
        services.TryAddSingleton(sp => new Kube2IamMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IStsApi>(sp =>
        {
            options.Aws.Validate();
            return new StsClient(new SdkCredentialsProvider(), new EndpointResolver(AwsRegion.Resolve(options.Aws), options.Aws.EndpointUrl), options.Aws,
                new AwsMetrics(sp.GetService<IMeterFactory>()));
        });
        services.AddKeyedSingleton<IInstanceMetadataApi>(Upstream, (sp, _) => new InstanceMetadataClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, options.MetadataUrl, sp.GetRequiredService<TimeProvider>(), new AwsMetrics(sp.GetService<IMeterFactory>())));
        // The informer itself is not registered: the factory owns (and disposes) it.
        services.AddSingleton(sp =>
        {
            var duplicates = options.ResolveDuplicateCacheIps
                ? new DuplicateIpResolver(sp.GetRequiredService<KubernetesConnection>(), options.Node, sp.GetRequiredService<Kube2IamMetrics>(), sp.GetRequiredService<ILogger<DuplicateIpResolver>>())
                : null;
            return new PodDirectory(
                sp.GetRequiredService<SharedInformerFactory>().GetInformer<V1Pod>(fieldSelector: options.Node.Length > 0 ? $"spec.nodeName={options.Node}" : null),
                sp.GetRequiredService<TimeProvider>(), duplicates is null ? null : duplicates.ResolveAsync);
        });
        services.AddSingleton(sp =>
        {
            RoleResolver? resolver = null;
            var namespaces = options.NamespaceRestrictions
                ? new NamespaceDirectory(sp.GetRequiredService<SharedInformerFactory>().GetInformer<V1Namespace>(), options.NamespaceKey,
                    options.NamespaceRestrictionFormat, options.RegexpTimeout, () => resolver!.BaseArn)
                : null;
            resolver = new RoleResolver(options, ns => namespaces?.AllowedRolesOf(ns) ?? AllowedRoles.None("restrictions are off"));
            return resolver;
        });
        services.AddSingleton(sp => new CredentialCache(sp.GetRequiredService<IStsApi>(), new CredentialCacheSettings(options.SessionTtl, options.ErrorTtl),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Kube2IamMetrics>(), sp.GetService<ILogger<CredentialCache>>()));
        services.AddSingleton(sp => new SessionTokens(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RouteTable(options.AllowUserData, RegexOrNull(options.BlockRouteRegexp), RegexOrNull(options.AllowRouteRegexp)));
        services.AddSingleton(sp => new MetadataHandler(options, sp.GetRequiredService<RouteTable>(), sp.GetRequiredService<PodDirectory>(),
            sp.GetRequiredService<RoleResolver>(), sp.GetRequiredService<CredentialCache>(), sp.GetRequiredService<SessionTokens>(),
            sp.GetRequiredKeyedService<IInstanceMetadataApi>(Upstream), sp.GetRequiredService<Kube2IamMetrics>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MetadataHandler>>(), sp.GetService<AwsIntegrations.Kubernetes.Events.EventRecorder>()));
        if (options.Iptables)
        {
            services.AddSingleton<IHostedService>(sp => new IptablesInstaller(new IptablesRule(options.HostInterface, options.HostIp, options.AppPort),
                sp.GetRequiredService<ILogger<IptablesInstaller>>()));
        }

        if (options.Debug)
        {
            services.AddSingleton(sp => new DebugStore(sp.GetRequiredService<PodDirectory>(), sp.GetRequiredService<SharedInformerFactory>().GetInformer<V1Namespace>(),
                options.IamRoleKey, options.NamespaceKey));
        }

        services.AddSingleton(sp => new CredentialRefresher(sp.GetRequiredService<PodDirectory>(),
            sp.GetRequiredService<RoleResolver>(), sp.GetRequiredService<CredentialCache>(), sp.GetRequiredKeyedService<IInstanceMetadataApi>(Upstream),
            new StartupDiscovery(options.AutoDiscoverBaseArn, options.AutoDiscoverDefaultRole), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CredentialRefresher>>()));
        services.AddHostedService(sp => sp.GetRequiredService<CredentialRefresher>());
        services.AddSingleton(sp => new UpstreamProbe(sp.GetRequiredKeyedService<IInstanceMetadataApi>(Upstream), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => sp.GetRequiredService<UpstreamProbe>());
        return services;
    }

    /// <summary>/readyz waits for the pod cache (and namespaces) and for the upstream metadata service.</summary>
    public static void AddReadinessChecks(IServiceProvider services)
    {
        var readiness = services.GetRequiredService<ReadinessState>();
        var pods = services.GetRequiredService<PodDirectory>();
        readiness.AddCheck("pod-informer", () => pods.HasSynced);
        var factory = services.GetRequiredService<SharedInformerFactory>();
        readiness.AddCheck("informers", () => factory.HasSynced);
        var probe = services.GetRequiredService<UpstreamProbe>();
        readiness.AddCheck("metadata-upstream", () => probe.IsReachable);
        _ = services.GetRequiredService<RoleResolver>(); // starts the namespace informer now when restrictions are on
        _ = services.GetService<DebugStore>(); // and with --debug, whose /debug/store lists every namespace
    }

    public const string Upstream = "kube2iam-upstream-metadata";

    private static Regex? RegexOrNull(string pattern) =>
        pattern.Length == 0 ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}

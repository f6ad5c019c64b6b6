using AwsIntegrations.Aws;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using AwsIntegrations.Kube2Iam.Pods;
using AwsIntegrations.Kube2Iam.Roles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kube2Iam.Credentials;

/// <summary>
/// Keeps the cache ahead of the pods: at start it discovers the base ARN (and the default role) when asked to, then
/// prefetches credentials for every pod that appears or changes role, and every pass refreshes what live pods use
/// before it gets short.
/// </summary>
public sealed partial class CredentialRefresher(
    PodDirectory pods,
    RoleResolver roles,
    CredentialCache cache,
    IInstanceMetadataApi upstream,
    StartupDiscovery discovery,
    TimeProvider time,
    ILogger<CredentialRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private IDisposable? _registration;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // kube2iam's cmd/main.go: both flags take the base ARN from the instance profile (the default role's flag overrides
        // --base-role-arn); the default role is the name of the node's own role, which pods then assume through STS.
        if (discovery.BaseArn || discovery.DefaultRole)
        {
            var info = await upstream.GetIamInfoAsync(cancellationToken).ConfigureAwait(false);
            roles.BaseArn = RoleArns.BaseFromInstanceProfile(info.InstanceProfileArn)
                ?? throw new InvalidOperationException($"cannot derive a base role ARN from instance profile {info.InstanceProfileArn}");
            LogDiscovered(logger, roles.BaseArn);
        }

        if (discovery.DefaultRole)
        {
            roles.DefaultRole = (await upstream.GetRoleNameAsync(cancellationToken).ConfigureAwait(false)).Trim();
            LogDefaultRole(logger, roles.BaseArn + roles.DefaultRole);
        }

        _registration = pods.Informer.AddHandler(new InformerHandler<V1Pod>(OnAdd: Prefetch, OnUpdate: (_, pod) => Prefetch(pod)));
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The keys live pods use now, each with the session name the first such pod fetches it with.</summary>
    public IReadOnlyDictionary<CredentialKey, string> LiveKeys()
    {
        var keys = new Dictionary<CredentialKey, string>();
        foreach (var pod in pods.List().Where(PodStates.IsLive))
        {
            if (roles.Decide(pod) is { Key: { } key, SessionName: { } name })
            {
                keys.TryAdd(key, name);
            }
        }

        return keys;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
                await cache.RefreshAsync(LiveKeys()).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Prefetch(V1Pod pod)
    {
        if (PodStates.IsLive(pod) && roles.Decide(pod) is { Key: { } key, SessionName: { } name })
        {
            cache.Prefetch(key, name);
        }
    }

    [LoggerMessage(EventId = 5040, Level = LogLevel.Information, Message = "base role ARN discovered from the instance profile: {BaseArn}")]
    private static partial void LogDiscovered(ILogger logger, string baseArn);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Information, Message = "the node's instance role {RoleArn} is the default role (--auto-discover-default-role)")]
    private static partial void LogDefaultRole(ILogger logger, string roleArn);
}

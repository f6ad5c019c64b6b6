using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwsIntegrations.Aws;

/// <summary>
/// Registers the AWS layer: <see cref="AwsOptions"/> (bind flags into it with Configure), the SDK credential chain,
/// endpoint resolution, one shared <see cref="AwsTransport"/> (so retry quota and rate limits are per process), the
/// typed clients behind their interfaces, STS and instance metadata. Everything is TryAdd: tests and services may
/// register their own implementation first.
/// </summary>
public static class AwsServiceCollectionExtensions
{
    public static IServiceCollection AddAwsIntegrations(this IServiceCollection services, Action<AwsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AwsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAwsCredentialsProvider>(_ => new SdkCredentialsProvider());
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AwsOptions>>().Value;
            return new EndpointResolver(AwsRegion.Resolve(o), o.EndpointUrl);
        });
        services.TryAddSingleton(sp => new AwsMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddKeyedSingleton(HttpClientKey, (_, _) => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout (--aws-request-timeout-seconds)
        });
        services.TryAddSingleton(sp => new AwsTransport(
            sp.GetRequiredKeyedService<HttpClient>(HttpClientKey),
            sp.GetRequiredService<IAwsCredentialsProvider>(),
            sp.GetRequiredService<EndpointResolver>(),
            sp.GetRequiredService<IOptions<AwsOptions>>().Value,
            sp.GetRequiredService<AwsMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<AwsTransport>>()));
        services.TryAddSingleton<IElbV2Api>(sp => new ElbV2Client(sp.GetRequiredService<AwsTransport>()));
        services.TryAddSingleton<IAcmApi>(sp => new AcmClient(sp.GetRequiredService<AwsTransport>()));
        services.TryAddSingleton<IRoute53Api>(sp => new Route53Client(sp.GetRequiredService<AwsTransport>()));
        services.TryAddSingleton<IEc2Api>(sp => new Ec2Client(sp.GetRequiredService<AwsTransport>()));
        services.TryAddSingleton<IWafv2Api>(sp => new Wafv2Client(sp.GetRequiredService<AwsTransport>()));
        services.TryAddSingleton<IStsApi>(sp => new StsClient(
            sp.GetRequiredService<IAwsCredentialsProvider>(),
            sp.GetRequiredService<EndpointResolver>(),
            sp.GetRequiredService<IOptions<AwsOptions>>().Value,
            sp.GetRequiredService<AwsMetrics>()));
        services.TryAddSingleton<IInstanceMetadataApi>(sp => new InstanceMetadataClient(
            sp.GetRequiredKeyedService<HttpClient>(HttpClientKey),
            sp.GetRequiredService<IOptions<AwsOptions>>().Value.ImdsEndpoint,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AwsMetrics>()));
        return services;
    }

    /// <summary>Key of the HttpClient the AWS layer uses (keyed, so it never collides with a service's own).</summary>
    public const string HttpClientKey = "AwsIntegrations.Aws";
}

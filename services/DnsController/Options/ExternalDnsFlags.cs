using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.DnsController.Options;

/// <summary>
/// external-dns's flags (v0.22 docs/flags.md, AWS provider) that tune how it works rather than what it may touch: accepted so
/// its Deployment args keep working. Those that map onto a setting here are applied by <see cref="DnsControllerOptions"/>;
/// the others are ignored, and <see cref="Ignored"/> names each one given, with why, for the one warning at start.
/// Flags that widen or move what is written (other providers and registries, --aws-zone-tags, --managed-record-types,
/// --aws-assume-role, --annotation-prefix…) are not here: ignoring them could write outside what the user scoped, so
/// they stop the start instead.
/// </summary>
public sealed class ExternalDnsFlags
{
    private const string IgnoredPrefix = "external-dns's; ignored: ";
    private const string Batches = "changes are packed to Route 53's own limits (1,000 values, 32,000 characters) and paced by --aws-route53-rps.";
    private const string Caches = "the zones are cached by design and re-read every --resync-interval.";

    [Flag("aws-api-retries", "external-dns's: retries of a failed AWS call; the same as --aws-max-attempts one higher.")]
    public int? AwsApiRetries { get; set; }

    [Flag("min-event-sync-interval", "external-dns's: the same as --debounce.")]
    public TimeSpan? MinEventSyncInterval { get; set; }

    [Flag("aws-batch-change-size", IgnoredPrefix + Batches)]
    public int? AwsBatchChangeSize { get; set; }

    [Flag("aws-batch-change-size-bytes", IgnoredPrefix + Batches)]
    public int? AwsBatchChangeSizeBytes { get; set; }

    [Flag("aws-batch-change-size-values", IgnoredPrefix + Batches)]
    public int? AwsBatchChangeSizeValues { get; set; }

    [Flag("aws-batch-change-interval", IgnoredPrefix + Batches)]
    public TimeSpan? AwsBatchChangeInterval { get; set; }

    [Flag("aws-zones-cache-duration", IgnoredPrefix + Caches)]
    public TimeSpan? AwsZonesCacheDuration { get; set; }

    [Flag("provider-cache-time", IgnoredPrefix + Caches)]
    public TimeSpan? ProviderCacheTime { get; set; }

    [Flag("txt-cache-interval", IgnoredPrefix + Caches)]
    public TimeSpan? TxtCacheInterval { get; set; }

    [Flag("events-emit", IgnoredPrefix + "Events are always recorded on the objects concerned.")]
    public List<string> EventsEmit { get; set; } = [];

    [Flag("request-timeout", IgnoredPrefix + "Kubernetes calls have the client's own timeouts and retries.")]
    public TimeSpan? RequestTimeout { get; set; }

    [Flag("min-ttl", IgnoredPrefix + "TTLs come from the ttl annotation or --default-ttl as they are.")]
    public TimeSpan? MinTtl { get; set; }

    [Flag("prefer-alias", IgnoredPrefix + "load balancer targets are ALIAS records already; other hostnames stay CNAMEs.")]
    public bool? PreferAlias { get; set; }

    /// <summary>The ignored flags that were given, each with why it is ignored.</summary>
    public IReadOnlyList<(string Flag, string Reason)> Ignored() => IgnoredFlags.Given(this, IgnoredPrefix);

    /// <summary>The one warning at start naming the ignored flags given.</summary>
    public IEnumerable<string> Warnings() => IgnoredFlags.Warning("external-dns", this, IgnoredPrefix);
}

using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Leadership;

namespace AwsIntegrations.DnsController.Options;

/// <summary>The DnsController's flags; names and defaults follow external-dns where it has the same flag.</summary>
public sealed class DnsControllerOptions : ServiceOptions
{
    public const string ServiceName = "dns-controller";

    public DnsControllerOptions()
    {
        MetricsPort = 7979;
    }

    [FlagGroup]
    public KubernetesOptions Kubernetes { get; set; } = new();

    [FlagGroup]
    public AwsOptions Aws { get; set; } = new() { Route53Rps = 3 };

    [Flag("provider", "DNS provider; only aws. Accepted so external-dns' arguments keep working.")]
    [AllowedValues("aws")]
    public string Provider { get; set; } = "aws";

    [Flag("registry", "Ownership registry; only txt (external-dns' TXT records). Accepted so external-dns' arguments keep working.")]
    [AllowedValues("txt")]
    public string Registry { get; set; } = "txt";

    [Flag("events", "Accepted for external-dns' arguments and ignored: Ingress and Service changes always trigger a pass here (after --debounce).")]
    public bool Events { get; set; }

    [Flag("source", "Kinds whose hostnames are published: ingress, service (comma-separated or repeated).")]
    public string[] Sources { get; set; } = [SourceKind.Ingress, SourceKind.Service];

    [Flag("ingress-class", "Only Ingresses of these classes (spec.ingressClassName, else the kubernetes.io/ingress.class annotation; comma-separated or repeated); empty: every class, as external-dns.")]
    public string[] IngressClasses { get; set; } = [];

    [Flag("namespace", "Only objects in this namespace; empty: all namespaces.", Env = "DNS_NAMESPACE")]
    public string? Namespace { get; set; }

    [Flag("label-filter", "Only objects matching this label selector (e.g. team=web,tier!=test).")]
    public string? LabelFilter { get; set; }

    [Flag("annotation-filter", "Only objects whose annotations match (key, key=value, comma-separated: all must match).")]
    public string? AnnotationFilter { get; set; }

    [Flag("ignore-ingress-tls-spec", "Do not publish the hosts listed under an Ingress's spec.tls[].hosts (published by default, as external-dns).")]
    public bool IgnoreIngressTlsSpec { get; set; }

    [Flag("ignore-ingress-rules-spec", "Do not publish the hosts of an Ingress's spec.rules (only its TLS hosts and hostname annotation).")]
    public bool IgnoreIngressRulesSpec { get; set; }

    [Flag("ignore-hostname-annotation", "Ignore the hostname annotation: Ingresses publish their rule and TLS hosts only, Services nothing.")]
    public bool IgnoreHostnameAnnotation { get; set; }

    [Flag("domain-filter", "Only zones and names under these domains (comma-separated or repeated); empty: all.")]
    public string[] DomainFilter { get; set; } = [];

    [Flag("exclude-domains", "Never touch zones or names under these domains.")]
    public string[] ExcludeDomains { get; set; } = [];

    [Flag("regex-domain-filter", "Only zones and names matching this regular expression; when set (or --regex-domain-exclusion is), --domain-filter and --exclude-domains are not used.")]
    public string RegexDomainFilter { get; set; } = "";

    [Flag("regex-domain-exclusion", "Never touch zones or names matching this regular expression.")]
    public string RegexDomainExclusion { get; set; } = "";

    [Flag("zone-id-filter", "Only these hosted zone ids; empty: all.")]
    public string[] ZoneIdFilter { get; set; } = [];

    [Flag("aws-zone-type", "Only public or private zones; empty: both.")]
    [AllowedValues("", "public", "private")]
    public string AwsZoneType { get; set; } = "";

    [Flag("aws-zone-match-parent", "Also select a zone that is the parent of a --domain-filter domain (e.g. example.com for --domain-filter=app.example.com).")]
    public bool AwsZoneMatchParent { get; set; }

    [Flag("txt-owner-id", "Owner id written into (and required in) the TXT ownership records.")]
    public string TxtOwnerId { get; set; } = "default";

    [Flag("txt-prefix", "Prefix of TXT ownership record names; may contain %{record_type}. Not with --txt-suffix.")]
    public string TxtPrefix { get; set; } = "";

    [Flag("txt-suffix", "Suffix of the first label of TXT ownership record names; may contain %{record_type}. Not with --txt-prefix.")]
    public string TxtSuffix { get; set; } = "";

    [Flag("txt-wildcard-replacement", "Replaces a leading * in TXT ownership record names.")]
    public string TxtWildcardReplacement { get; set; } = "";

    [Flag("policy", "Which changes are made: sync (create, update, delete), upsert-only (no deletes), create-only.")]
    public Policy Policy { get; set; } = Policy.Sync;

    [Flag("interval", "How often the desired records are compared with the cached zones (no Route 53 calls unless something differs).")]
    [FlagRange(1, 86400)]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    [Flag("resync-interval", "How often the zones are re-read from Route 53 in full.")]
    [FlagRange(1, 604800)]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromHours(1);

    [Flag("debounce", "After an Ingress or Service change, wait this long for more changes before planning.")]
    [FlagRange(0, 60)]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(500);

    [Flag("once", "Run one pass (read zones, plan, apply) and exit; exit code 1 when something failed.")]
    public bool Once { get; set; }

    [Flag("dry-run", "Print the plan; change nothing in Route 53.")]
    public bool DryRun { get; set; }

    [Flag("default-ttl", "TTL of new records without a ttl annotation (existing records keep theirs; alias records and TXT ownership records always use 300, as external-dns).")]
    [FlagRange(1, 2147483647)]
    public long DefaultTtl { get; set; } = 300;

    [Flag("aws-evaluate-target-health", "EvaluateTargetHealth of alias records unless the object's annotation says otherwise.")]
    public bool EvaluateTargetHealth { get; set; } = true;

    [Flag("aws-prefer-cname", "Write a CNAME instead of an ALIAS for load balancer hostnames (unless the object's alias annotation says otherwise).")]
    public bool AwsPreferCname { get; set; }

    [Flag("aws-aaaa-alias", "Which load balancer hostnames get an AAAA ALIAS beside the A ALIAS: always (as external-dns since v0.16) or dual-stack (only dual-stack load balancers).")]
    public AaaaAlias AaaaAlias { get; set; } = AaaaAlias.Always;

    [FlagGroup]
    public LeaderElectionFlags LeaderElection { get; set; } = new();

    [FlagGroup]
    public ExternalDnsFlags ExternalDns { get; set; } = new();

    public override IEnumerable<string> StartupWarnings() => ExternalDns.Warnings();

    public override FlagException? Validate() => ApplyExternalDnsFlags() ?? ValidateRecords() ?? ValidateAws() ?? ValidateFilters();

    /// <summary>external-dns's tuning flags that map onto ours: --aws-api-retries and --min-event-sync-interval.</summary>
    private FlagException? ApplyExternalDnsFlags()
    {
        if (ExternalDns.AwsApiRetries is { } retries)
        {
            if (retries < 0)
            {
                return new FlagException("aws-api-retries", retries.ToString(System.Globalization.CultureInfo.InvariantCulture), "must not be negative");
            }

            Aws.MaxAttempts = retries + 1;
        }

        if (ExternalDns.MinEventSyncInterval is { } interval)
        {
            Debounce = interval;
        }

        return null;
    }

    private FlagException? ValidateRecords()
    {
        if (Sources.FirstOrDefault(s => s is not (SourceKind.Ingress or SourceKind.Service)) is { } source)
        {
            return new FlagException("source", source, "must be ingress or service");
        }

        if (TxtPrefix.Length > 0 && TxtSuffix.Length > 0)
        {
            return new FlagException("txt-suffix", TxtSuffix, "cannot be used together with --txt-prefix");
        }

        return string.IsNullOrWhiteSpace(TxtOwnerId) || TxtOwnerId.Contains(',', StringComparison.Ordinal) || TxtOwnerId.Contains('"', StringComparison.Ordinal)
            ? new FlagException("txt-owner-id", TxtOwnerId, "must be a non-empty id without commas or quotes")
            : null;
    }

    private FlagException? ValidateAws()
    {
        try
        {
            Aws.Validate();
            return null;
        }
        catch (ArgumentException invalid)
        {
            return new FlagException(invalid.Message);
        }
    }

    private FlagException? ValidateFilters()
    {
        foreach (var (flag, pattern) in new[] { ("regex-domain-filter", RegexDomainFilter), ("regex-domain-exclusion", RegexDomainExclusion) })
        {
            try
            {
                _ = Inventory.ZoneFilter.Compile(pattern);
            }
            catch (ArgumentException invalid)
            {
                return new FlagException(flag, pattern, "is not a valid regular expression: " + invalid.Message);
            }
        }

        return AnnotationFilter is { Length: > 0 } filter && DnsController.Sources.AnnotationFilter.TryParse(filter, out _) is { } problem
            ? new FlagException("annotation-filter", filter, problem)
            : null;
    }
}

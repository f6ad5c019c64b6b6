using System.Net;
using System.Text.RegularExpressions;
using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kube2Iam.Roles;

namespace AwsIntegrations.Kube2Iam.Options;

/// <summary>kube2iam's flags, names and defaults (so existing DaemonSet args keep working), plus the ones it lacks.</summary>
public sealed class Kube2IamOptions : ServiceOptions
{
    public const string ServiceName = "kube2iam";

    public override IEnumerable<string> StartupWarnings() => Options.StartupWarnings.For(this, InClusterConfig.Default);

    public Kube2IamOptions() => MetricsPort = 8181;

    [Flag("app-port", "Port the metadata proxy listens on (the iptables rule sends 169.254.169.254:80 here).")]
    [FlagRange(1, 65535)]
    public int AppPort { get; set; } = 8181;

    [Flag("app-address", "Address the metadata proxy listens on.")]
    public string AppAddress { get; set; } = "0.0.0.0";

    [Flag("base-role-arn", "Prefix joined to role names in pod annotations, e.g. arn:aws:iam::123456789012:role/ (full ARNs are used as they are).")]
    public string BaseRoleArn { get; set; } = "";

    [Flag("auto-discover-base-arn", "Derive the base role ARN from the node's instance profile (meta-data/iam/info).")]
    public bool AutoDiscoverBaseArn { get; set; }

    [Flag("default-role", "Role for pods without a role annotation (namespace restrictions apply to it too, unless exempted); empty: such pods get no credentials.")]
    public string DefaultRole { get; set; } = "";

    [Flag("auto-discover-default-role", "Use the node's own instance role (its name from meta-data/iam/security-credentials/, assumed through STS) as the default role, and its account as the base ARN.")]
    public bool AutoDiscoverDefaultRole { get; set; }

    [Flag("iam-role-key", "Pod annotation naming the role (a name joined to the base ARN, or a full ARN).")]
    public string IamRoleKey { get; set; } = "iam.amazonaws.com/role";

    [Flag("iam-external-id", "Pod annotation holding the STS ExternalId.")]
    public string IamExternalIdKey { get; set; } = "iam.amazonaws.com/external-id";

    [Flag("namespace-key", "Namespace annotation listing the roles its pods may assume (JSON array of globs or regexps).")]
    public string NamespaceKey { get; set; } = "iam.amazonaws.com/allowed-roles";

    [Flag("namespace-restrictions", "Enforce the namespace annotation for every role, the default role included.")]
    public bool NamespaceRestrictions { get; set; }

    [Flag("namespace-restrictions-exempt-default-role", "kube2iam's rule: the default role's ARN passes namespace restrictions without being listed.")]
    public bool ExemptDefaultRole { get; set; }

    [Flag("namespace-restriction-format", "How the namespace annotation's entries match role ARNs: glob or regexp (anchored).")]
    [AllowedValues("glob", "regexp")]
    public string NamespaceRestrictionFormat { get; set; } = "glob";

    [Flag("namespace-regexp-timeout", "Longest time one namespace pattern may take to match a role; a pattern that takes longer denies.")]
    [FlagRange(0.001, 10)]
    public TimeSpan RegexpTimeout { get; set; } = TimeSpan.FromMilliseconds(50);

    [Flag("iptables", "Install the DNAT rule for 169.254.169.254:80 at start (and remove it on shutdown); needs --host-ip.")]
    public bool Iptables { get; set; }

    [Flag("host-interface", "Pod-side interface of the DNAT rule: a name, a prefix with + (cali+, eni+), or !name for every interface but one.")]
    public string HostInterface { get; set; } = "docker0";

    [Flag("host-ip", "This node's IP: the DNAT target.", Env = "HOST_IP")]
    public string HostIp { get; set; } = "";

    [Flag("node", "This node's name: only its pods are watched (empty: every pod of the cluster).", Env = "NODE_NAME")]
    public string Node { get; set; } = "";

    [Flag("cache-resync-period", "How often the pod and namespace caches re-announce every object (prefetching credentials again); 0: never.")]
    [FlagRange(0, 604800)]
    public TimeSpan CacheResyncPeriod { get; set; } = TimeSpan.FromMinutes(30);

    [Flag("resolve-duplicate-cache-ips", "When two cached live pods claim one IP, ask the API server which one holds it now (it answers only when exactly one does).")]
    public bool ResolveDuplicateCacheIps { get; set; }

    [Flag("iam-role-session-ttl", "How long an assumed role's credentials are cached; STS sessions last twice as long (at least 30m).")]
    [FlagRange(60, 21600)]
    public TimeSpan SessionTtl { get; set; } = TimeSpan.FromMinutes(15);

    [Flag("iam-role-error-ttl", "How long a failed AssumeRole answer is cached before STS is asked again.")]
    [FlagRange(0, 3600)]
    public TimeSpan ErrorTtl { get; set; } = TimeSpan.FromSeconds(5);

    [Flag("use-regional-sts-endpoint", "Use the regional STS endpoint of AWS_REGION (accepted for compatibility: STS is always regional here).")]
    public bool UseRegionalStsEndpoint { get; set; }

    [Flag("session-name-mode", "STS session names: pod (namespace.name of the pod, one session per pod) or role (kube2iam's: one per role, named <FNV-1a hash of a pod IP>-<role name>).")]
    public SessionNameMode SessionNameMode { get; set; } = SessionNameMode.Pod;

    [Flag("backoff-max-interval", "Longest pause between two looks for the pod of an unknown source IP.")]
    [FlagRange(0.001, 60)]
    public TimeSpan BackoffMaxInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Flag("backoff-max-elapsed-time", "How long a request from an unknown source IP waits for its pod to appear before it is refused.")]
    [FlagRange(0, 60)]
    public TimeSpan BackoffMaxElapsedTime { get; set; } = TimeSpan.FromSeconds(2);

    [Flag("metadata-addr", "The real instance metadata service; other paths are proxied there.")]
    public string MetadataAddress { get; set; } = "http://169.254.169.254";

    [Flag("require-imdsv2", "Refuse requests without an IMDSv2 session token (401), as an instance with HttpTokens=required does.")]
    public bool RequireImdsV2 { get; set; }

    [Flag("allow-user-data", "Proxy user-data (blocked by default: it often holds bootstrap secrets).")]
    public bool AllowUserData { get; set; }

    [Flag("block-route-regexp", "Paths (e.g. /latest/meta-data/local-ipv4) matching this regexp answer 403 instead of being proxied.")]
    public string BlockRouteRegexp { get; set; } = "";

    [Flag("allow-route-regexp", "When set, only paths matching this regexp are proxied (kiam's allow-list); others answer 404.")]
    public string AllowRouteRegexp { get; set; } = "";

    [Flag("debug", "Serve /debug/store on the app port (every pod IP's role and namespace, every namespace's allowed roles), as kube2iam does.", Env = "KUBE2IAM_DEBUG")]
    public bool Debug { get; set; }

    [Flag("verbose", "Log at debug level (overrides --log-level), as kube2iam's --verbose.", Env = "KUBE2IAM_VERBOSE")]
    public bool Verbose { get; set; }

    [Flag("version", "Print the version and exit.", Env = "KUBE2IAM_PRINT_VERSION")]
    public bool Version { get; set; }

    [Flag("api-server", "API server URL used with --api-token instead of the in-cluster service account (a bare host:port gets https:// with --insecure, else http://, as client-go).", Env = "KUBE_API_SERVER")]
    public string ApiServer { get; set; } = "";

    [Flag("api-token", "Bearer token for --api-server.", Env = "KUBE_API_TOKEN")]
    public string ApiToken { get; set; } = "";

    [Flag("insecure", "Do not verify the API server's certificate (with --kubeconfig or --api-server; testing only).", Env = "KUBE_API_INSECURE")]
    public bool Insecure { get; set; }

    [FlagGroup]
    public KubernetesOptions Kubernetes { get; set; } = new();

    [FlagGroup]
    public AwsOptions Aws { get; set; } = new();

    /// <summary>The upstream metadata service as a URL (kube2iam's flag takes a bare host).</summary>
    public string MetadataUrl => MetadataAddress.Contains("://", StringComparison.Ordinal) ? MetadataAddress : "http://" + MetadataAddress;

    /// <summary>The URL --api-server names: client-go's default scheme for a bare host is https only when TLS is configured (--insecure).</summary>
    public Uri? ApiServerUrl =>
        ApiServer.Length == 0 ? null
        : Uri.TryCreate(ApiServer.Contains("://", StringComparison.Ordinal) ? ApiServer : (Insecure ? "https://" : "http://") + ApiServer, UriKind.Absolute, out var url) ? url
        : null;

    public override FlagException? Validate()
    {
        // kube2iam's --verbose wins over --log-level.
        if (Verbose)
        {
            LogLevel = "debug";
        }

        // kube2iam lower-cases the format before comparing.
        NamespaceRestrictionFormat = NamespaceRestrictionFormat.ToLowerInvariant();

        if (BaseRoleArn.Length > 0 && !RoleArns.IsValidBase(BaseRoleArn))
        {
            return new FlagException("base-role-arn", BaseRoleArn, "must look like arn:aws:iam::123456789012:role/ (optionally with a path)");
        }

        if (DefaultRole.Length > 0 && AutoDiscoverDefaultRole)
        {
            return new FlagException("--default-role and --auto-discover-default-role cannot be used together");
        }

        if (ApiServer.Length > 0 && ApiServerUrl is not { Scheme: "http" or "https" })
        {
            return new FlagException("api-server", ApiServer, "must be an API server URL such as https://10.0.0.1:6443");
        }

        if (BaseRoleArn.Length > 0 && AutoDiscoverBaseArn)
        {
            return new FlagException("--base-role-arn and --auto-discover-base-arn cannot be used together");
        }

        if (Iptables && !IPAddress.TryParse(HostIp, out _))
        {
            return new FlagException("host-ip", HostIp, "--iptables needs --host-ip, this node's IP address");
        }

        if (HostInterface.TrimStart('!').Length == 0 || HostInterface.Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            return new FlagException("host-interface", HostInterface, "must be an interface name such as cali+, eni+, docker0 or !eth0");
        }

        if (!Uri.TryCreate(MetadataUrl, UriKind.Absolute, out var upstream) || upstream.Scheme is not ("http" or "https"))
        {
            return new FlagException("metadata-addr", MetadataAddress, "must be a host or an http URL such as http://169.254.169.254");
        }

        if (!IPAddress.TryParse(AppAddress, out _))
        {
            return new FlagException("app-address", AppAddress, "must be an IP address");
        }

        foreach (var (flag, pattern) in new[] { ("block-route-regexp", BlockRouteRegexp), ("allow-route-regexp", AllowRouteRegexp) })
        {
            try
            {
                _ = pattern.Length == 0 ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                return new FlagException(flag, pattern, "must be a valid regular expression: " + e.Message);
            }
        }

        return null;
    }
}

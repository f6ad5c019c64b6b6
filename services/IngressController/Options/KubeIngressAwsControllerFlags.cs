using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.IngressController.Options;

/// <summary>
/// kube-ingress-aws-controller's flags (its controller.go) that have no counterpart here, accepted so its Deployment args
/// keep working. Those that map onto a setting of ours are applied by <see cref="IngressControllerOptions"/>; the others
/// are ignored, and <see cref="Ignored"/> names each one given, with why, for the one warning at start.
/// </summary>
public sealed class KubeIngressAwsControllerFlags
{
    private const string IgnoredPrefix = "kube-ingress-aws-controller's; ignored: ";

    [Flag("version", "Print the version and exit.", Env = "INGRESS_CONTROLLER_PRINT_VERSION")]
    public bool? Version { get; set; }

    [Flag("debug", "kube-ingress-aws-controller's: the same as --log-level debug.", Env = "INGRESS_CONTROLLER_DEBUG")]
    public bool? Debug { get; set; }

    [Flag("quiet", "kube-ingress-aws-controller's: the same as --log-level warning.", Env = "INGRESS_CONTROLLER_QUIET")]
    public bool? Quiet { get; set; }

    [Flag("disable-sni-support", "kube-ingress-aws-controller's: the same as --max-certs-per-alb 1.")]
    public bool? DisableSniSupport { get; set; }

    [Flag("polling-interval", IgnoredPrefix + "Ingress and node changes are watched; AWS is read in full every --resync-interval.")]
    public TimeSpan? PollingInterval { get; set; }

    [Flag("api-server-base-url", IgnoredPrefix + "give --kubeconfig a kubeconfig whose server is this URL (e.g. kubectl proxy's).")]
    public string? ApiServerBaseUrl { get; set; }

    [Flag("creation-timeout", IgnoredPrefix + "no CloudFormation stacks; load balancers are made with ELBv2 calls.")]
    public TimeSpan? CreationTimeout { get; set; }

    [Flag("stack-termination-protection", IgnoredPrefix + "no CloudFormation stacks; --deletion-protection protects the load balancers.")]
    public bool? StackTerminationProtection { get; set; }

    [Flag("disable-instrumented-http-client", IgnoredPrefix + "AWS and Kubernetes calls are always counted (aws_api_calls_total, kube_api_calls_total).")]
    public bool? DisableInstrumentedHttpClient { get; set; }

    [Flag("cloudwatch-alarms-config-map", IgnoredPrefix + "CloudWatch alarms are not managed.")]
    public string? CloudwatchAlarmsConfigMap { get; set; }

    [Flag("deny-internal-domains", IgnoredPrefix + "no listener rules are made; requests reach the router, which routes only the hosts of Ingresses.")]
    public bool? DenyInternalDomains { get; set; }

    [Flag("internal-domains", IgnoredPrefix + "see --deny-internal-domains.")]
    public List<string> InternalDomains { get; set; } = [];

    [Flag("deny-internal-domains-response", IgnoredPrefix + "see --deny-internal-domains.")]
    public string? DenyInternalDomainsResponse { get; set; }

    [Flag("deny-internal-domains-response-content-type", IgnoredPrefix + "see --deny-internal-domains.")]
    public string? DenyInternalDomainsResponseContentType { get; set; }

    [Flag("deny-internal-domains-response-status-code", IgnoredPrefix + "see --deny-internal-domains.")]
    public int? DenyInternalDomainsResponseStatusCode { get; set; }

    [Flag("alb-http-target-port", IgnoredPrefix + "the HTTP listener forwards to the one target group, on --router-port.")]
    public int? AlbHttpTargetPort { get; set; }

    [Flag("nlb-http-target-port", IgnoredPrefix + "the TCP:80 listener of a Network Load Balancer forwards to the one target group, on --router-port.")]
    public int? NlbHttpTargetPort { get; set; }

    [Flag("custom-filters", IgnoredPrefix + "instance targets are the Ready nodes matching --target-node-selector (node labels), not EC2 tag filters.")]
    public string? CustomFilters { get; set; }

    /// <summary>The ignored flags that were given, each with why it is ignored.</summary>
    public IReadOnlyList<(string Flag, string Reason)> Ignored() => IgnoredFlags.Given(this, IgnoredPrefix);

    /// <summary>The one warning at start naming the ignored flags given.</summary>
    public IEnumerable<string> Warnings() => IgnoredFlags.Warning("kube-ingress-aws-controller", this, IgnoredPrefix);
}

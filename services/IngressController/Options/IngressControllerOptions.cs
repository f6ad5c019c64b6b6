using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.IngressController.Waf;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Leadership;

namespace AwsIntegrations.IngressController.Options;

/// <summary>Flags of the IngressController; names and defaults follow kube-ingress-aws-controller where they mean the same.</summary>
public sealed class IngressControllerOptions : ServiceOptions
{
    public const string ServiceName = "ingress-controller";

    /// <summary>kube-ingress-aws-controller's default controller id, which its security group tag carries.</summary>
    public const string DefaultControllerId = "kube-ingress-aws-controller";

    public const string DefaultSecurityGroupTag = "kubernetes:application=" + DefaultControllerId;

    public IngressControllerOptions()
    {
        MetricsPort = 7979;
    }

    [Flag("cluster-id", "Name of the cluster in ownership tags and subnet discovery (required).")]
    public string ClusterId { get; set; } = "";

    [Flag("ingress-class", "Ingresses whose spec.ingressClassName (or kubernetes.io/ingress.class annotation) names this class are served; IngressClasses with controller aws-integrations.io/ingress-controller too.")]
    public string IngressClass { get; set; } = "aws-integrations";

    [Flag("ingress-class-filter", "Comma list of the ingress classes served instead of --ingress-class (kube-ingress-aws-controller's flag); an empty entry (a trailing comma, \"foo,\") also serves Ingresses without a class.")]
    public string? IngressClassFilter { get; set; }

    [Flag("controller-id", "Tells several controllers in one cluster apart: their load balancers' names and tags differ, and the security group is found by kubernetes:application=<controller-id>.")]
    public string ControllerId { get; set; } = DefaultControllerId;

    [Flag("cert-polling-interval", "How often the ACM certificate list is read again.")]
    [FlagRange(10, 86400)]
    public TimeSpan CertPollingInterval { get; set; } = TimeSpan.FromMinutes(30);

    [Flag("min-cert-validity", "A certificate expiring sooner than this is chosen only when no other covers the host (then it keeps serving, with a CertificateExpiringSoon Event).")]
    [FlagRange(0, 31536000)]
    public TimeSpan MinCertValidity { get; set; } = TimeSpan.FromDays(7);

    [Flag("max-certs-per-alb", "Certificates per load balancer, the default certificate included (AWS allows 25 besides the default, so one slot stays free for rotations); Ingresses spill onto more load balancers beyond it.", Aliases = ["max-certs-alb"])]
    [FlagRange(1, 25)]
    public int MaxCertsPerAlb { get; set; } = 25;

    [Flag("subnets", "Subnet ids for every load balancer (comma list); empty: discovered by tags, one per availability zone.")]
    public List<string> Subnets { get; set; } = [];

    [Flag("vpc-id", "VPC of the load balancers and target groups; subnets are looked for in it (empty: the VPC of the subnets tagged for the cluster).")]
    public string? VpcId { get; set; }

    [Flag("security-group", "Security group of the load balancers; empty: discovered by the tags of --security-group-tag and the cluster tag.")]
    public string? SecurityGroup { get; set; }

    [Flag("security-group-tag", "key=value tag (with kubernetes.io/cluster/<cluster-id>) that marks the load balancers' security group.")]
    public string SecurityGroupTag { get; set; } = DefaultSecurityGroupTag;

    [Flag("scheme", "Default scheme of the load balancers: internet-facing or internal.")]
    [AllowedValues("internet-facing", "internal")]
    public string Scheme { get; set; } = "internet-facing";

    [Flag("ip-addr-type", "Default IP address type: ipv4 or dualstack.")]
    [AllowedValues("ipv4", "dualstack")]
    public string IpAddressType { get; set; } = "ipv4";

    [Flag("ssl-policy", "Default SSL policy of the HTTPS and TLS listeners: one of AWS's predefined ELBSecurityPolicy-… names.")]
    public string SslPolicy { get; set; } = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    [Flag("load-balancer-type", "Default load balancer type: application or network (an Ingress with an internal scheme, a security group or a WAF annotation gets an application load balancer unless it asks for nlb).")]
    [AllowedValues("application", "network")]
    public string LoadBalancerType { get; set; } = "application";

    [Flag("nlb-cross-zone", "Network Load Balancers balance across availability zones (load_balancing.cross_zone.enabled).")]
    public bool NlbCrossZone { get; set; }

    [Flag("nlb-zone-affinity", "DNS zone affinity of Network Load Balancers (dns_record.client_routing_policy).")]
    [AllowedValues("any_availability_zone", "partial_availability_zone_affinity", "availability_zone_affinity")]
    public string NlbZoneAffinity { get; set; } = "any_availability_zone";

    [Flag("nlb-http-enabled", "Network Load Balancers also get a TCP:80 listener (off: TLS:443 only, as an NLB cannot redirect HTTP to HTTPS).")]
    public bool NlbHttpEnabled { get; set; }

    [Flag("nlb-healthy-threshold-count", "Consecutive successes (and failures) before a Network Load Balancer target is healthy (unhealthy).")]
    [FlagRange(2, 10)]
    public int NlbHealthyThreshold { get; set; } = 3;

    [Flag("redirect-http-to-https", "The HTTP:80 listener redirects to HTTPS instead of forwarding.")]
    public bool RedirectHttpToHttps { get; set; }

    [Flag("idle-connection-timeout", "Idle timeout of the load balancers.")]
    [FlagRange(1, 4000)]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    [Flag("http2", "Default of HTTP/2 on the load balancers.")]
    public bool Http2 { get; set; } = true;

    [Flag("deletion-protection", "Turn on deletion protection of the load balancers (they are then never deleted by the controller).")]
    public bool DeletionProtection { get; set; }

    [Flag("logs-s3-bucket", "S3 bucket for the load balancers' access logs (access_logs.s3.*); empty: access logs are left as they are.")]
    public string? LogsS3Bucket { get; set; }

    [Flag("logs-s3-prefix", "Prefix of the access logs in --logs-s3-bucket.")]
    public string? LogsS3Prefix { get; set; }

    [Flag("additional-tags", "key=value tags (comma list or repeated) added to every load balancer, target group and listener created.", Aliases = ["additional-stack-tags"])]
    public List<string> AdditionalTags { get; set; } = [];

    [Flag("cert-filter-tag", "key=value: only ACM certificates with this tag are used (one ListTagsForCertificate per certificate on each refresh); empty: all.")]
    public string? CertFilterTag { get; set; }

    [Flag("excluded-certificate-arns", "Certificate ARNs never used (comma list or repeated).", Aliases = ["blacklist-certificate-arns"])]
    public List<string> ExcludedCertificateArns { get; set; } = [];

    [Flag("cluster-local-domain", "Hosts ending in this domain (e.g. cluster.local) never get a load balancer; empty: none.")]
    public string? ClusterLocalDomain { get; set; }

    [Flag("min-load-balancer-age", "An Ingress's status names a new load balancer only once it is active and at least this old (kube-ingress-aws-controller waits 6m, for target groups to see their targets).")]
    [FlagRange(0, 86400)]
    public TimeSpan MinLoadBalancerAge { get; set; }

    [Flag("waf-web-acl-arn", "WAFv2 web ACL (ARN) of load balancers whose Ingresses name none; empty: none. Classic WAF ids are not supported.", Aliases = ["aws-waf-web-acl-id"])]
    public string? WafWebAclArn { get; set; }

    [Flag("router-port", "Port the router listens on, on the nodes (instance targets) or in its pods (ip targets).", Aliases = ["target-port"])]
    [FlagRange(1, 65535)]
    public int RouterPort { get; set; } = 9999;

    [Flag("target-https", "Application Load Balancers reach the router over HTTPS (target group and health check protocol HTTPS).")]
    public bool TargetHttps { get; set; }

    [Flag("health-check-port", "Port of the target groups' health checks; 0: the router port.")]
    [FlagRange(0, 65535)]
    public int HealthCheckPort { get; set; }

    [Flag("health-check-path", "Health check path of the target groups.")]
    public string HealthCheckPath { get; set; } = "/kube-system/healthz";

    [Flag("health-check-interval", "Health check interval.")]
    [FlagRange(5, 300)]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Flag("health-check-timeout", "Health check timeout.")]
    [FlagRange(2, 120)]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Flag("healthy-threshold-count", "Consecutive successes before a target is healthy.", Aliases = ["alb-healthy-threshold-count"])]
    [FlagRange(2, 10)]
    public int HealthyThreshold { get; set; } = 5;

    [Flag("unhealthy-threshold-count", "Consecutive failures before a target is unhealthy.", Aliases = ["alb-unhealthy-threshold-count"])]
    [FlagRange(2, 10)]
    public int UnhealthyThreshold { get; set; } = 2;

    [Flag("deregistration-delay", "How long a deregistered target keeps its open connections (target group attribute deregistration_delay.timeout_seconds; AWS's default is 5m).", Aliases = ["deregistration-delay-timeout"])]
    [FlagRange(0, 3600)]
    public TimeSpan DeregistrationDelay { get; set; } = TimeSpan.FromMinutes(5);

    [Flag("target-type", "instance: node instance ids (from spec.providerID); ip: router pod IPs.")]
    public TargetType TargetType { get; set; } = TargetType.Instance;

    [Flag("target-access-mode", "kube-ingress-aws-controller's name for the target type: HostPort or Legacy (instance targets), AWSCNI (ip targets); it wins over --target-type.")]
    [AllowedValues("HostPort", "AWSCNI", "Legacy")]
    public string? TargetAccessMode { get; set; }

    [Flag("target-node-selector", "Label selector of the nodes that run the router (instance targets); empty: all nodes.")]
    public string? TargetNodeSelector { get; set; }

    [Flag("router-namespace", "Namespace of the router pods (ip targets).", Aliases = ["target-cni-namespace"])]
    public string RouterNamespace { get; set; } = "kube-system";

    [Flag("router-pod-selector", "Label selector of the router pods (ip targets).", Aliases = ["target-cni-pod-labelselector"])]
    public string RouterPodSelector { get; set; } = "application=router";

    [Flag("cleanup-grace", "How long a load balancer, target group or listener certificate no longer needed stays before it is removed.", Aliases = ["cert-ttl-timeout"])]
    [FlagRange(0, 604800)]
    public TimeSpan CleanupGrace { get; set; } = TimeSpan.FromMinutes(10);

    [Flag("resync-interval", "How often AWS is read again in full (between resyncs only writes are made, from the known state).")]
    [FlagRange(10, 86400)]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(10);

    [Flag("debounce", "Changes seen within this window are reconciled together.")]
    [FlagRange(0, 60)]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(1);

    [FlagGroup]
    public KubeIngressAwsControllerFlags KubeIngressAwsController { get; set; } = new();

    public override IEnumerable<string> StartupWarnings() => KubeIngressAwsController.Warnings();

    [FlagGroup]
    public LeaderElectionFlags LeaderElection { get; set; } = new();

    [FlagGroup]
    public KubernetesOptions Kubernetes { get; set; } = new();

    [FlagGroup]
    public AwsOptions Aws { get; set; } = new();

    /// <summary>The classes served: the --ingress-class-filter entries ("" for Ingresses without a class), else --ingress-class.</summary>
    public IReadOnlyList<string> ServedClasses => IngressClassFilter is null
        ? [IngressClass]
        : [.. IngressClassFilter.Split(',', StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    public override FlagException? Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            return new FlagException("cluster-id", ClusterId, "must be set: the cluster's name in tags (kubernetes.io/cluster/<cluster-id>)");
        }

        ApplyKubeIngressAwsControllerFlags();
        if (!SecurityGroupTag.Contains('=', StringComparison.Ordinal))
        {
            return new FlagException("security-group-tag", SecurityGroupTag, "must be key=value");
        }

        if (!ElbV2SslPolicies.Predefined.Contains(SslPolicy))
        {
            return new FlagException("ssl-policy", SslPolicy, "must be one of AWS's predefined security policies, e.g. " + ElbV2SslPolicies.Recommended);
        }

        if (AdditionalTags.FirstOrDefault(t => t.IndexOf('=', StringComparison.Ordinal) < 1) is { } tag)
        {
            return new FlagException("additional-tags", tag, "must be key=value");
        }

        if (CertFilterTag is { Length: > 0 } filter && filter.IndexOf('=', StringComparison.Ordinal) < 1)
        {
            return new FlagException("cert-filter-tag", filter, "must be key=value");
        }

        if (!string.IsNullOrWhiteSpace(ControllerId) && ControllerId.Length > 128)
        {
            return new FlagException("controller-id", ControllerId, "must be at most 128 characters (an AWS tag value)");
        }

        if (!string.IsNullOrEmpty(WafWebAclArn) && !WebAclArn.IsValid(WafWebAclArn))
        {
            return new FlagException("waf-web-acl-arn", WafWebAclArn, WebAclArn.Expected + "; classic WAF web ACL ids are not supported");
        }

        if (HealthCheckTimeout >= HealthCheckInterval)
        {
            return new FlagException("health-check-timeout", HealthCheckTimeout.ToString(), "must be shorter than --health-check-interval");
        }

        return null;
    }

    /// <summary>kube-ingress-aws-controller's flags that set ours: target access mode, SNI, controller id, log level, metrics address.</summary>
    private void ApplyKubeIngressAwsControllerFlags()
    {
        if (TargetAccessMode is { } mode)
        {
            TargetType = mode.Equals("AWSCNI", StringComparison.OrdinalIgnoreCase) ? TargetType.Ip : TargetType.Instance;
        }

        if (KubeIngressAwsController.DisableSniSupport == true)
        {
            MaxCertsPerAlb = 1;
        }

        if (string.IsNullOrWhiteSpace(ControllerId))
        {
            ControllerId = DefaultControllerId;
        }

        if (ControllerId != DefaultControllerId && SecurityGroupTag == DefaultSecurityGroupTag)
        {
            SecurityGroupTag = $"kubernetes:application={ControllerId}";
        }

        if (KubeIngressAwsController.Debug == true)
        {
            LogLevel = "debug";
        }
        else if (KubeIngressAwsController.Quiet == true)
        {
            LogLevel = "warning";
        }
    }
}

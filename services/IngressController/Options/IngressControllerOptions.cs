using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.IngressController.Waf;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Leadership;

namespace AwsIntegrations.IngressController.Options;

/// <summary>Flags of the IngressController; names and defaults follow kube-ingress-aws-controller where they mean the same.</summary>
public sealed class IngressControllerOptions : ServiceOptions
{
    public const string ServiceName = "ingress-controller";

    public IngressControllerOptions()
    {
        MetricsPort = 7979;
    }

    [Flag("cluster-id", "Name of the cluster in ownership tags and subnet discovery (required).")]
    public string ClusterId { get; set; } = "";

    [Flag("ingress-class", "Ingresses whose spec.ingressClassName (or kubernetes.io/ingress.class annotation) names this class are served; IngressClasses with controller aws-integrations.io/ingress-controller too.")]
    public string IngressClass { get; set; } = "aws-integrations";

    [Flag("cert-polling-interval", "How often the ACM certificate list is read again.")]
    [FlagRange(10, 86400)]
    public TimeSpan CertPollingInterval { get; set; } = TimeSpan.FromMinutes(30);

    [Flag("min-cert-validity", "Certificates expiring sooner than this are not chosen.")]
    [FlagRange(0, 31536000)]
    public TimeSpan MinCertValidity { get; set; } = TimeSpan.FromDays(7);

    [Flag("max-certs-per-alb", "Certificates per load balancer, the default certificate included (AWS allows 25 besides the default, so one slot stays free for rotations); Ingresses spill onto more load balancers beyond it.")]
    [FlagRange(1, 25)]
    public int MaxCertsPerAlb { get; set; } = 25;

    [Flag("subnets", "Subnet ids for every load balancer (comma list); empty: discovered by tags, one per availability zone.")]
    public List<string> Subnets { get; set; } = [];

    [Flag("security-group", "Security group of the load balancers; empty: discovered by the tags of --security-group-tag and the cluster tag.")]
    public string? SecurityGroup { get; set; }

    [Flag("security-group-tag", "key=value tag (with kubernetes.io/cluster/<cluster-id>) that marks the load balancers' security group.")]
    public string SecurityGroupTag { get; set; } = "kubernetes:application=kube-ingress-aws-controller";

    [Flag("scheme", "Default scheme of the load balancers: internet-facing or internal.")]
    [AllowedValues("internet-facing", "internal")]
    public string Scheme { get; set; } = "internet-facing";

    [Flag("ip-addr-type", "Default IP address type: ipv4 or dualstack.")]
    [AllowedValues("ipv4", "dualstack")]
    public string IpAddressType { get; set; } = "ipv4";

    [Flag("ssl-policy", "Default SSL policy of the HTTPS listeners.")]
    public string SslPolicy { get; set; } = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    [Flag("redirect-http-to-https", "The HTTP:80 listener redirects to HTTPS instead of forwarding.")]
    public bool RedirectHttpToHttps { get; set; }

    [Flag("idle-connection-timeout", "Idle timeout of the load balancers.")]
    [FlagRange(1, 4000)]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    [Flag("http2", "Default of HTTP/2 on the load balancers.")]
    public bool Http2 { get; set; } = true;

    [Flag("deletion-protection", "Turn on deletion protection of the load balancers (they are then never deleted by the controller).")]
    public bool DeletionProtection { get; set; }

    [Flag("waf-web-acl-arn", "WAFv2 web ACL (ARN) of load balancers whose Ingresses name none; empty: none. Classic WAF ids are not supported.", Aliases = ["aws-waf-web-acl-id"])]
    public string? WafWebAclArn { get; set; }

    [Flag("router-port", "Port the router listens on, on the nodes (instance targets) or in its pods (ip targets).", Aliases = ["target-port"])]
    [FlagRange(1, 65535)]
    public int RouterPort { get; set; } = 9999;

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

    [Flag("target-node-selector", "Label selector of the nodes that run the router (instance targets); empty: all nodes.")]
    public string? TargetNodeSelector { get; set; }

    [Flag("router-namespace", "Namespace of the router pods (ip targets).")]
    public string RouterNamespace { get; set; } = "kube-system";

    [Flag("router-pod-selector", "Label selector of the router pods (ip targets).")]
    public string RouterPodSelector { get; set; } = "application=router";

    [Flag("cleanup-grace", "How long a load balancer, target group or listener certificate no longer needed stays before it is removed.")]
    [FlagRange(0, 604800)]
    public TimeSpan CleanupGrace { get; set; } = TimeSpan.FromMinutes(10);

    [Flag("resync-interval", "How often AWS is read again in full (between resyncs only writes are made, from the known state).")]
    [FlagRange(10, 86400)]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(10);

    [Flag("debounce", "Changes seen within this window are reconciled together.")]
    [FlagRange(0, 60)]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(1);

    [FlagGroup]
    public LeaderElectionFlags LeaderElection { get; set; } = new();

    [FlagGroup]
    public KubernetesOptions Kubernetes { get; set; } = new();

    [FlagGroup]
    public AwsOptions Aws { get; set; } = new();

    public override FlagException? Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            return new FlagException("cluster-id", ClusterId, "must be set: the cluster's name in tags (kubernetes.io/cluster/<cluster-id>)");
        }

        if (!SecurityGroupTag.Contains('=', StringComparison.Ordinal))
        {
            return new FlagException("security-group-tag", SecurityGroupTag, "must be key=value");
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
}

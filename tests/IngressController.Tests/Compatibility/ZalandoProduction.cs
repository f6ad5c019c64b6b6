namespace AwsIntegrations.IngressController.Tests.Compatibility;

/// <summary>
/// How Zalando runs kube-ingress-aws-controller: zalando-incubator/kubernetes-on-aws
/// cluster/manifests/ingress-controller/deployment.yaml, args and env verbatim with the values of cluster/config-defaults.yaml
/// (nlb_switch "exec": --load-balancer-type=network and the NLB HTTP flags).
/// </summary>
internal static class ZalandoProduction
{
    public static readonly string[] Args =
    [
        "--target-access-mode=HostPort",
        "--stack-termination-protection",
        "--ssl-policy=ELBSecurityPolicy-TLS-1-2-2017-01",
        "--idle-connection-timeout=1m",
        "--deregistration-delay-timeout=10s",
        "--nlb-cross-zone",
        "--nlb-zone-affinity=any_availability_zone",
        "--cluster-local-domain=cluster.local",
        "--deny-internal-domains",
        "--additional-stack-tags=InfrastructureComponent=true",
        "--additional-stack-tags=application=kube-ingress-aws-controller",
        "--nlb-http-enabled",
        "--nlb-http-target-port=9998",
        "--load-balancer-type=network",
        "--cert-polling-interval=2m",
        "--cert-filter-tag=kubernetes=enabled",
    ];

    public static string CustomFilters(string cluster) =>
        $"tag:kubernetes.io/cluster/{cluster}=owned tag:node.kubernetes.io/role=worker tag:zalando.org/ingress-enabled=true";

    /// <summary>The flags of <see cref="Args"/> (and CUSTOM_FILTERS) this controller ignores, in the order it names them.</summary>
    public static readonly string[] Ignored = ["--stack-termination-protection", "--deny-internal-domains", "--nlb-http-target-port", "--custom-filters"];
}

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>Annotation keys read from Ingresses: ours first, then kube-ingress-aws-controller's (zalando.org/…) and AWS Load Balancer Controller's (alb.ingress.kubernetes.io/…) keys that mean the same.</summary>
public static class AnnotationKeys
{
    public const string IngressClass = "kubernetes.io/ingress.class";

    public static readonly string[] CertificateArn = ["aws-integrations.io/certificate-arn", "zalando.org/aws-load-balancer-ssl-cert", "alb.ingress.kubernetes.io/certificate-arn"];
    public static readonly string[] Scheme = ["aws-integrations.io/scheme", "zalando.org/aws-load-balancer-scheme", "alb.ingress.kubernetes.io/scheme"];
    public static readonly string[] IpAddressType = ["aws-integrations.io/ip-address-type", "alb.ingress.kubernetes.io/ip-address-type"];
    public static readonly string[] SecurityGroup = ["aws-integrations.io/security-group", "zalando.org/aws-load-balancer-security-group", "alb.ingress.kubernetes.io/security-groups"];
    public static readonly string[] SslPolicy = ["aws-integrations.io/ssl-policy", "zalando.org/aws-load-balancer-ssl-policy", "alb.ingress.kubernetes.io/ssl-policy"];
    public static readonly string[] Waf = ["aws-integrations.io/waf-web-acl-arn", "zalando.org/aws-waf-web-acl-id", "alb.ingress.kubernetes.io/wafv2-acl-arn"];
    public static readonly string[] Http2 = ["aws-integrations.io/http2", "zalando.org/aws-load-balancer-http2"];
    public static readonly string[] Shared = ["aws-integrations.io/shared", "zalando.org/aws-load-balancer-shared"];
    public static readonly string[] LoadBalancerType = ["aws-integrations.io/load-balancer-type", "zalando.org/aws-load-balancer-type"];
    public static readonly string[] SslRedirect = ["aws-integrations.io/ssl-redirect", "alb.ingress.kubernetes.io/ssl-redirect"];
}

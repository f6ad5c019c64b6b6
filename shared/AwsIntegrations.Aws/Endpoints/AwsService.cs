namespace AwsIntegrations.Aws;

/// <summary>An AWS service as the SDKs name it: metric label, service id (for AWS_ENDPOINT_URL_*), endpoint prefix, signing name.</summary>
internal sealed record AwsService(string Name, string ServiceId, string EndpointPrefix, string SigningName, bool IsGlobal)
{
    public static readonly AwsService Sts = new("sts", "STS", "sts", "sts", IsGlobal: false);
    public static readonly AwsService Ec2 = new("ec2", "EC2", "ec2", "ec2", IsGlobal: false);
    public static readonly AwsService Acm = new("acm", "ACM", "acm", "acm", IsGlobal: false);
    public static readonly AwsService Route53 = new("route53", "Route 53", "route53", "route53", IsGlobal: true);
    public static readonly AwsService ElbV2 = new("elbv2", "Elastic Load Balancing v2", "elasticloadbalancing", "elasticloadbalancing", IsGlobal: false);

    public static readonly AwsService Wafv2 = new("wafv2", "WAFV2", "wafv2", "wafv2", IsGlobal: false);

    public static IReadOnlyList<AwsService> All { get; } = [Sts, Ec2, Acm, Route53, ElbV2, Wafv2];

    /// <summary>AWS_ENDPOINT_URL_ + the service id in upper case, spaces as underscores (AWS_ENDPOINT_URL_ROUTE_53).</summary>
    public string EndpointEnvironmentVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');
}

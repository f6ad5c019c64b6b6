using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>ELBv2 answer shapes (member names from the botocore model, lists wrapped in &lt;member&gt;).</summary>
internal static class ElbV2Xml
{
    public static XElement LoadBalancer(LoadBalancer lb, AwsState state) => new("member",
        new XElement("LoadBalancerArn", lb.Arn),
        new XElement("DNSName", lb.DnsName),
        new XElement("CanonicalHostedZoneId", lb.CanonicalHostedZoneId),
        new XElement("CreatedTime", QueryXml.Format(lb.CreatedTime)),
        new XElement("LoadBalancerName", lb.Name),
        new XElement("Scheme", lb.Scheme),
        new XElement("VpcId", lb.VpcId),
        new XElement("State", new XElement("Code", lb.State == "active" && !lb.IsActive(state.Time.GetUtcNow()) ? "provisioning" : lb.State)),
        new XElement("Type", lb.Type),
        Zones(lb, state),
        lb.Type == "application" || lb.SecurityGroups.Count > 0 ? QueryXml.List("SecurityGroups", "member", lb.SecurityGroups, g => g) : null,
        new XElement("IpAddressType", lb.IpAddressType));

    public static XElement Zones(LoadBalancer lb, AwsState state) =>
        QueryXml.List("AvailabilityZones", "member", lb.SubnetIds, id => new object[]
        {
            new XElement("ZoneName", state.Subnets.FirstOrDefault(s => s.Id == id)?.AvailabilityZone ?? string.Empty),
            new XElement("SubnetId", id),
        });

    public static XElement TargetGroup(TargetGroup tg, AwsState state) => new("member",
        new XElement("TargetGroupArn", tg.Arn),
        new XElement("TargetGroupName", tg.Name),
        QueryXml.Opt("Protocol", tg.Protocol),
        QueryXml.Opt("Port", tg.Port),
        QueryXml.Opt("VpcId", tg.VpcId),
        QueryXml.Opt("HealthCheckProtocol", tg.HealthCheckProtocol),
        QueryXml.Opt("HealthCheckPort", tg.HealthCheckPort),
        new XElement("HealthCheckEnabled", QueryXml.Format(tg.HealthCheckEnabled)),
        new XElement("HealthCheckIntervalSeconds", tg.HealthCheckIntervalSeconds),
        new XElement("HealthCheckTimeoutSeconds", tg.HealthCheckTimeoutSeconds),
        new XElement("HealthyThresholdCount", tg.HealthyThresholdCount),
        new XElement("UnhealthyThresholdCount", tg.UnhealthyThresholdCount),
        QueryXml.Opt("HealthCheckPath", tg.HealthCheckPath),
        tg.Matcher is null ? null : new XElement("Matcher", new XElement("HttpCode", tg.Matcher)),
        QueryXml.List("LoadBalancerArns", "member", ElbV2TargetGroups.LoadBalancersOf(tg, state), a => a),
        new XElement("TargetType", tg.TargetType));

    public static XElement Listener(Listener l) => new("member",
        new XElement("ListenerArn", l.Arn),
        new XElement("LoadBalancerArn", l.LoadBalancerArn),
        new XElement("Port", l.Port),
        new XElement("Protocol", l.Protocol),
        l.Certificates.Any(c => c.IsDefault)
            ? QueryXml.List("Certificates", "member", l.Certificates.Where(c => c.IsDefault), c => new XElement("CertificateArn", c.Arn))
            : null,
        QueryXml.Opt("SslPolicy", l.SslPolicy),
        QueryXml.List("DefaultActions", "member", l.DefaultActions, Action));

    public static object?[] Action(ListenerAction a) =>
    [
        new XElement("Type", a.Type),
        QueryXml.Opt("TargetGroupArn", a.TargetGroupArn),
        QueryXml.Opt("Order", a.Order),
        a.Redirect is null ? null : new XElement("RedirectConfig", a.Redirect.Select(kv => new XElement(kv.Key, kv.Value))),
        a.FixedResponse is null ? null : new XElement("FixedResponseConfig", a.FixedResponse.Select(kv => new XElement(kv.Key, kv.Value))),
        a.Type == "forward" && a.TargetGroupArn is not null
            ? new XElement("ForwardConfig", new XElement("TargetGroups", new XElement("member", new XElement("TargetGroupArn", a.TargetGroupArn), new XElement("Weight", 1))))
            : null,
    ];

    public static XElement Certificate(string arn, bool isDefault) => new("member",
        new XElement("CertificateArn", arn),
        new XElement("IsDefault", QueryXml.Format(isDefault)));
}

using System.Xml.Linq;

namespace AwsIntegrations.Aws;

/// <summary>Reading and writing ELBv2 Query shapes (lists are Name.member.N; answers wrap items in &lt;member&gt;).</summary>
internal static class ElbV2Wire
{
    public static LoadBalancerDescription LoadBalancer(XElement e) => new(
        e.RequiredText("LoadBalancerArn"),
        e.RequiredText("LoadBalancerName"),
        e.Text("DNSName") ?? string.Empty,
        e.Text("CanonicalHostedZoneId") ?? string.Empty,
        e.Text("Scheme") ?? string.Empty,
        e.Text("Type") ?? string.Empty,
        e.Text("VpcId") ?? string.Empty,
        e.Child("State")?.Text("Code") ?? string.Empty,
        e.Time("CreatedTime") ?? default,
        e.List("AvailabilityZones", "member").Select(Zone).ToList(),
        e.Strings("SecurityGroups", "member"),
        e.Text("IpAddressType"));

    public static LoadBalancerZone Zone(XElement e) => new(e.Text("ZoneName") ?? string.Empty, e.Text("SubnetId") ?? string.Empty);

    public static TargetGroupDescription TargetGroup(XElement e) => new(
        e.RequiredText("TargetGroupArn"),
        e.RequiredText("TargetGroupName"),
        e.Text("Protocol"),
        e.Int("Port"),
        e.Text("VpcId"),
        e.Text("TargetType") ?? "instance",
        new TargetGroupHealthCheck
        {
            Protocol = e.Text("HealthCheckProtocol"),
            Port = e.Text("HealthCheckPort"),
            Path = e.Text("HealthCheckPath"),
            Enabled = e.Bool("HealthCheckEnabled"),
            IntervalSeconds = e.Int("HealthCheckIntervalSeconds"),
            TimeoutSeconds = e.Int("HealthCheckTimeoutSeconds"),
            HealthyThresholdCount = e.Int("HealthyThresholdCount"),
            UnhealthyThresholdCount = e.Int("UnhealthyThresholdCount"),
            SuccessCodes = e.Child("Matcher")?.Text("HttpCode"),
        },
        e.Strings("LoadBalancerArns", "member"));

    public static TargetDescription Target(XElement e) => new(e.RequiredText("Id"), e.Int("Port"), e.Text("AvailabilityZone"));

    public static TargetHealthDescription TargetHealth(XElement e)
    {
        var health = e.Child("TargetHealth");
        return new TargetHealthDescription(
            Target(e.Required("Target")),
            health?.Text("State") ?? "unavailable",
            health?.Text("Reason"),
            health?.Text("Description"),
            e.Text("HealthCheckPort"));
    }

    public static ListenerDescription Listener(XElement e) => new(
        e.RequiredText("ListenerArn"),
        e.RequiredText("LoadBalancerArn"),
        e.Int("Port") ?? 0,
        e.Text("Protocol") ?? string.Empty,
        e.Text("SslPolicy"),
        e.List("Certificates", "member").Select(Certificate).ToList(),
        e.List("DefaultActions", "member").Select(Action).ToList());

    public static ListenerCertificate Certificate(XElement e) => new(e.RequiredText("CertificateArn"), e.Bool("IsDefault") ?? false);

    public static ListenerActionSpec Action(XElement e)
    {
        var redirect = e.Child("RedirectConfig");
        var fixedResponse = e.Child("FixedResponseConfig");
        return new ListenerActionSpec(e.RequiredText("Type"))
        {
            TargetGroupArn = e.Text("TargetGroupArn"),
            Order = e.Int("Order"),
            Redirect = redirect is null ? null : new RedirectActionSpec(redirect.RequiredText("StatusCode"))
            {
                Protocol = redirect.Text("Protocol"),
                Port = redirect.Text("Port"),
                Host = redirect.Text("Host"),
                Path = redirect.Text("Path"),
                Query = redirect.Text("Query"),
            },
            FixedResponse = fixedResponse is null ? null : new FixedResponseActionSpec(fixedResponse.RequiredText("StatusCode"))
            {
                ContentType = fixedResponse.Text("ContentType"),
                MessageBody = fixedResponse.Text("MessageBody"),
            },
        };
    }

    public static Dictionary<string, string> Attributes(XElement result) =>
        result.List("Attributes", "member").ToDictionary(a => a.RequiredText("Key"), a => a.Text("Value") ?? string.Empty, StringComparer.Ordinal);

    public static void AddTags(QueryForm form, IReadOnlyDictionary<string, string> tags) =>
        form.AddList("Tags.member", tags.OrderBy(t => t.Key, StringComparer.Ordinal), (f, p, t) => f.Add(p + "Key", t.Key).Add(p + "Value", t.Value));

    public static void AddTargets(QueryForm form, IReadOnlyList<TargetDescription> targets) =>
        form.AddList("Targets.member", targets, (f, p, t) => f.Add(p + "Id", t.Id).Add(p + "Port", t.Port).Add(p + "AvailabilityZone", t.AvailabilityZone));

    public static void AddCertificates(QueryForm form, IEnumerable<string> arns) =>
        form.AddList("Certificates.member", arns, (f, p, arn) => f.Add(p + "CertificateArn", arn));

    public static void AddActions(QueryForm form, IReadOnlyList<ListenerActionSpec> actions) =>
        form.AddList("DefaultActions.member", actions, (f, p, a) =>
        {
            f.Add(p + "Type", a.Type).Add(p + "TargetGroupArn", a.TargetGroupArn).Add(p + "Order", a.Order);
            if (a.Redirect is { } r)
            {
                f.Add(p + "RedirectConfig.Protocol", r.Protocol).Add(p + "RedirectConfig.Port", r.Port).Add(p + "RedirectConfig.Host", r.Host)
                    .Add(p + "RedirectConfig.Path", r.Path).Add(p + "RedirectConfig.Query", r.Query).Add(p + "RedirectConfig.StatusCode", r.StatusCode);
            }

            if (a.FixedResponse is { } x)
            {
                f.Add(p + "FixedResponseConfig.MessageBody", x.MessageBody).Add(p + "FixedResponseConfig.StatusCode", x.StatusCode)
                    .Add(p + "FixedResponseConfig.ContentType", x.ContentType);
            }
        });

    public static void AddHealthCheck(QueryForm form, TargetGroupHealthCheck h) => form
        .Add("HealthCheckProtocol", h.Protocol).Add("HealthCheckPort", h.Port).Add("HealthCheckEnabled", h.Enabled)
        .Add("HealthCheckPath", h.Path).Add("HealthCheckIntervalSeconds", h.IntervalSeconds).Add("HealthCheckTimeoutSeconds", h.TimeoutSeconds)
        .Add("HealthyThresholdCount", h.HealthyThresholdCount).Add("UnhealthyThresholdCount", h.UnhealthyThresholdCount)
        .Add("Matcher.HttpCode", h.SuccessCodes);
}

using System.Globalization;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// DescribeTargetGroupAttributes and ModifyTargetGroupAttributes: AWS's defaults for an instance/ip target group behind an
/// ALB, an unknown key or a value out of range is a ValidationError and nothing is changed (all keys are checked first).
/// </summary>
public static class ElbV2TargetGroupAttributes
{
    public const string DeregistrationDelay = "deregistration_delay.timeout_seconds";

    public static Dictionary<string, string> Defaults() => new(StringComparer.Ordinal)
    {
        [DeregistrationDelay] = "300",
        ["stickiness.enabled"] = "false",
        ["stickiness.type"] = "lb_cookie",
        ["stickiness.lb_cookie.duration_seconds"] = "86400",
        ["stickiness.app_cookie.cookie_name"] = string.Empty,
        ["stickiness.app_cookie.duration_seconds"] = "86400",
        ["slow_start.duration_seconds"] = "0",
        ["load_balancing.algorithm.type"] = "round_robin",
        ["load_balancing.cross_zone.enabled"] = "use_load_balancer_configuration",
    };

    public static object?[]? Handle(AwsCall call, AwsState state) => call.Operation switch
    {
        "DescribeTargetGroupAttributes" => [Attributes(ElbV2TargetGroups.Find(call.RequiredParam("TargetGroupArn"), state).Attributes)],
        "ModifyTargetGroupAttributes" => Modify(call, state),
        _ => null,
    };

    private static object?[] Modify(AwsCall call, AwsState state)
    {
        var tg = ElbV2TargetGroups.Find(call.RequiredParam("TargetGroupArn"), state);
        var changes = call.Items("Attributes.member").Select(p => (Key: call.RequiredParam(p + "Key"), Value: call.Param(p + "Value") ?? string.Empty)).ToList();
        if (changes.Count == 0)
        {
            throw new AwsFault("ValidationError", "The request must contain the parameter Attributes");
        }

        foreach (var (key, value) in changes)
        {
            Validate(key, value);
        }

        foreach (var (key, value) in changes)
        {
            tg.Attributes[key] = value;
        }

        return [Attributes(tg.Attributes)];
    }

    private static void Validate(string key, string value)
    {
        var range = key switch
        {
            DeregistrationDelay => ((int Min, int Max)?)(0, 3600),
            "slow_start.duration_seconds" => (0, 900),
            "stickiness.lb_cookie.duration_seconds" or "stickiness.app_cookie.duration_seconds" => (1, 604800),
            _ when Defaults().ContainsKey(key) => null,
            _ => throw new AwsFault("ValidationError", $"Attribute key '{key}' is not recognized"),
        };
        if (range is { } r && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < r.Min || seconds > r.Max))
        {
            throw new AwsFault("ValidationError", $"The value of '{key}' must be an integer between {r.Min} and {r.Max}, not '{value}'");
        }
    }

    private static XElement Attributes(Dictionary<string, string> attributes) =>
        QueryXml.List("Attributes", "member", attributes.OrderBy(a => a.Key, StringComparer.Ordinal), a => new object[] { new XElement("Key", a.Key), new XElement("Value", a.Value) });
}

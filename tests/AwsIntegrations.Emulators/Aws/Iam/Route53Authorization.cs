using System.Text;
using System.Text.RegularExpressions;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// What AWS authorizes for each Route 53 operation (Service Authorization Reference, "Actions, resources, and condition
/// keys for Amazon Route 53"): ListHostedZones and CreateHostedZone on "*"; zone operations on
/// arn:aws:route53:::hostedzone/ID; GetChange on arn:aws:route53:::change/ID. ChangeResourceRecordSets carries the
/// multivalued keys route53:ChangeResourceRecordSetsNormalizedRecordNames (lower case, no trailing dot, other characters
/// than a-z 0-9 - _ . as \ and three octal digits), route53:ChangeResourceRecordSetsRecordTypes and
/// route53:ChangeResourceRecordSetsActions ("Using IAM policy conditions for fine-grained access control",
/// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/specifying-rrset-conditions.html).
/// </summary>
public static partial class Route53Authorization
{
    public static IEnumerable<AuthorizationRequest> Requests(AwsCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var action = "route53:" + call.Operation;
        var segments = call.Path.TrimEnd('/').Split('/');
        return call.Operation switch
        {
            "GetHostedZone" or "DeleteHostedZone" or "ListResourceRecordSets" => [new(action, Zone(segments), ContextKeys.Of())],
            "ChangeResourceRecordSets" => [new(action, Zone(segments), ChangeKeys(call))],
            "GetChange" => [new(action, $"arn:aws:route53:::change/{segments[^1]}", ContextKeys.Of())],
            _ => [new(action, "*", ContextKeys.Of())],
        };
    }

    public static string NormalizedName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var unescaped = OctalEscape().Replace(name.TrimEnd('.').ToLowerInvariant(), m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());
        var normalized = new StringBuilder(unescaped.Length);
        foreach (var c in unescaped)
        {
            normalized.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'
                ? c.ToString()
                : "\\" + Convert.ToString(c, 8).PadLeft(3, '0'));
        }

        return normalized.ToString();
    }

    private static string Zone(string[] segments) => $"arn:aws:route53:::hostedzone/{(segments.Length > 3 ? segments[3] : string.Empty)}";

    private static Dictionary<string, IReadOnlyList<string>> ChangeKeys(AwsCall call)
    {
        var context = ContextKeys.Of();
        try
        {
            var batch = Route53Handler.Child(Route53Handler.Body(call, "ChangeResourceRecordSetsRequest"), "ChangeBatch");
            var changes = (batch is null ? null : Route53Handler.Child(batch, "Changes"))?.Elements().ToList() ?? [];
            var sets = changes.Select(c => Route53Handler.Child(c, "ResourceRecordSet")).OfType<System.Xml.Linq.XElement>().ToList();
            context["route53:ChangeResourceRecordSetsActions"] = changes.Select(c => Route53Handler.Text(c, "Action") ?? string.Empty).Distinct().ToList();
            context["route53:ChangeResourceRecordSetsRecordTypes"] = sets.Select(s => Route53Handler.Text(s, "Type") ?? string.Empty).Distinct().ToList();
            context["route53:ChangeResourceRecordSetsNormalizedRecordNames"] = sets.Select(s => NormalizedName(Route53Handler.Text(s, "Name") ?? string.Empty)).Distinct().ToList();
        }
        catch (AwsFault)
        {
            // A malformed body has no keys; the operation itself answers InvalidInput.
        }

        return context;
    }

    [GeneratedRegex(@"\\([0-7]{3})")]
    private static partial Regex OctalEscape();
}

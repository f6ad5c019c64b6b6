using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Route 53 (REST-XML, 2013-04-01): hosted zones (public and private), record sets listed in Route 53's order with
/// name/type/identifier paging, atomic change batches (see <see cref="Route53Changes"/>) and PENDING→INSYNC changes.
/// </summary>
public static partial class Route53Handler
{
    private static readonly XNamespace Ns = EmulatedService.Route53.Namespace;

    public static string OperationOf(string method, string path)
    {
        var rest = path.TrimEnd('/')["/2013-04-01".Length..];
        return (method, rest) switch
        {
            ("GET", "/hostedzone") => "ListHostedZones",
            ("POST", "/hostedzone") => "CreateHostedZone",
            ("GET", _) when ZonePath().IsMatch(rest) => "GetHostedZone",
            ("DELETE", _) when ZonePath().IsMatch(rest) => "DeleteHostedZone",
            ("GET", _) when RecordsPath().IsMatch(rest) => "ListResourceRecordSets",
            ("POST", _) when RecordsPath().IsMatch(rest) => "ChangeResourceRecordSets",
            ("GET", _) when rest.StartsWith("/change/", StringComparison.Ordinal) => "GetChange",
            _ => throw new AwsFault("InvalidAction", $"no Route 53 operation at {method} {path}", 404),
        };
    }

    public static WireResponse Handle(AwsCall call, AwsState state)
    {
        lock (state.Gate)
        {
            var segments = call.Path.TrimEnd('/').Split('/');
            return call.Operation switch
            {
                "ListHostedZones" => ListHostedZones(call, state),
                "CreateHostedZone" => CreateHostedZone(call, state),
                "GetHostedZone" => Answer("GetHostedZoneResponse", ZoneDetails(Zone(segments[3], state), state)),
                "DeleteHostedZone" => DeleteHostedZone(segments[3], state),
                "ListResourceRecordSets" => ListRecordSets(call, Zone(segments[3], state), state),
                "ChangeResourceRecordSets" => Answer("ChangeResourceRecordSetsResponse", ChangeXml(Route53Changes.Apply(call, Zone(segments[3], state), state), state)),
                "GetChange" => Answer("GetChangeResponse", ChangeXml(state.Changes.GetValueOrDefault(segments[3]) ?? throw new AwsFault("NoSuchChange", $"A change with the specified change ID does not exist: {segments[3]}", 404), state)),
                _ => throw new AwsFault("InvalidAction", call.Operation),
            };
        }
    }

    public static HostedZone Zone(string id, AwsState state) =>
        state.HostedZones.FirstOrDefault(z => z.Id == id) ?? throw new AwsFault("NoSuchHostedZone", $"No hosted zone found with ID: {id}", 404);

    public static XElement ChangeXml(ChangeInfo change, AwsState state) => new("ChangeInfo",
        new XElement("Id", "/change/" + change.Id),
        new XElement("Status", state.Time.GetUtcNow() >= change.SubmittedAt + state.Behavior.ChangePropagation ? "INSYNC" : "PENDING"),
        new XElement("SubmittedAt", QueryXml.Format(change.SubmittedAt)),
        QueryXml.Opt("Comment", change.Comment));

    public static ChangeInfo NewChange(AwsState state, string? comment)
    {
        var change = new ChangeInfo("C" + state.NewHex(13).ToUpperInvariant(), state.Time.GetUtcNow(), comment);
        state.Changes[change.Id] = change;
        return change;
    }

    private static WireResponse Answer(string root, params object?[] content) =>
        WireResponse.Xml(QueryXml.Namespaced(new XElement(root, content), Ns));

    private static WireResponse ListHostedZones(AwsCall call, AwsState state)
    {
        var max = MaxItems(call, 100, state);
        var ordered = state.HostedZones.OrderBy(z => z.Id, StringComparer.Ordinal).ToList();
        var start = call.Param("marker") is { } marker ? ordered.FindIndex(z => z.Id == marker) : 0;
        if (start < 0)
        {
            throw new AwsFault("InvalidInput", "Invalid marker");
        }

        var page = ordered.Skip(start).Take(max).ToList();
        var truncated = start + max < ordered.Count;
        return Answer("ListHostedZonesResponse",
            QueryXml.List("HostedZones", "HostedZone", page, z => ZoneXml(z).Nodes()),
            QueryXml.Opt("Marker", call.Param("marker")),
            new XElement("IsTruncated", QueryXml.Format(truncated)),
            truncated ? new XElement("NextMarker", ordered[start + max].Id) : null,
            new XElement("MaxItems", max));
    }

    private static WireResponse CreateHostedZone(AwsCall call, AwsState state)
    {
        var request = Body(call, "CreateHostedZoneRequest");
        var name = Text(request, "Name") ?? throw new AwsFault("InvalidInput", "Name is required");
        var reference = Text(request, "CallerReference") ?? throw new AwsFault("InvalidInput", "CallerReference is required");
        if (!DomainName().IsMatch(name.TrimEnd('.')))
        {
            throw new AwsFault("InvalidDomainName", $"{name} is not a valid domain name");
        }

        if (state.HostedZones.Any(z => z.CallerReference == reference))
        {
            throw new AwsFault("HostedZoneAlreadyExists", $"A hosted zone has already been created with the specified caller reference: {reference}", 409);
        }

        var vpcId = Child(request, "VPC") is { } vpc ? Text(vpc, "VPCId") : null;
        var config = Child(request, "HostedZoneConfig");
        if (vpcId is not null && state.Vpcs.All(v => v.Id != vpcId))
        {
            throw new AwsFault("InvalidVPCId", $"The VPC ID '{vpcId}' is not valid");
        }

        var zone = Route53Zones.Create(state, null, name, reference, config is null ? null : Text(config, "Comment"), vpcId is not null, vpcId is null ? [] : [vpcId]);
        var change = NewChange(state, null);
        var details = ZoneDetails(zone, state);
        return Answer("CreateHostedZoneResponse",
            details[0],
            ChangeXml(change, state),
            vpcId is null ? details[1] : new XElement("VPC", new XElement("VPCRegion", state.Region), new XElement("VPCId", vpcId))) with { StatusCode = 201 };
    }

    private static WireResponse DeleteHostedZone(string id, AwsState state)
    {
        var zone = Zone(id, state);
        if (zone.Records.Any(r => !(r.Type is "SOA" or "NS" && r.Name == zone.Name)))
        {
            throw new AwsFault("HostedZoneNotEmpty", "The hosted zone contains resource records that are not SOA or NS records.");
        }

        state.HostedZones.Remove(zone);
        return Answer("DeleteHostedZoneResponse", ChangeXml(NewChange(state, null), state));
    }

    private static WireResponse ListRecordSets(AwsCall call, HostedZone zone, AwsState state)
    {
        var max = MaxItems(call, 300, state);
        var ordered = zone.Records.OrderBy(r => r, RecordOrder.Instance).ToList();
        var start = 0;
        if (call.Param("name") is { } startName)
        {
            var key = new RecordSet(Route53Zones.Fqdn(startName), call.Param("type") ?? string.Empty) { SetIdentifier = call.Param("identifier") };
            start = ordered.FindIndex(r => RecordOrder.Instance.Compare(r, key) >= 0);
            start = start < 0 ? ordered.Count : start;
        }
        else if (call.Param("type") is not null)
        {
            throw new AwsFault("InvalidInput", "The input is not valid: a type requires a name");
        }

        var page = ordered.Skip(start).Take(max).ToList();
        var next = start + max < ordered.Count ? ordered[start + max] : null;
        return Answer("ListResourceRecordSetsResponse",
            QueryXml.List("ResourceRecordSets", "ResourceRecordSet", page, r => RecordXml(r).Nodes()),
            new XElement("IsTruncated", QueryXml.Format(next is not null)),
            next is null ? null : new XElement("NextRecordName", next.Name),
            next is null ? null : new XElement("NextRecordType", next.Type),
            next?.SetIdentifier is null ? null : new XElement("NextRecordIdentifier", next.SetIdentifier),
            new XElement("MaxItems", max));
    }

    public static XElement RecordXml(RecordSet r) => new("ResourceRecordSet",
        new XElement("Name", r.Name.Replace("*", "\\052", StringComparison.Ordinal)),
        new XElement("Type", r.Type),
        QueryXml.Opt("SetIdentifier", r.SetIdentifier),
        QueryXml.Opt("Weight", r.Weight),
        QueryXml.Opt("TTL", r.Ttl),
        r.Alias is null ? QueryXml.List("ResourceRecords", "ResourceRecord", r.Values, v => new XElement("Value", v)) : null,
        r.Alias is { } a ? new XElement("AliasTarget", new XElement("HostedZoneId", a.HostedZoneId), new XElement("DNSName", a.DnsName), new XElement("EvaluateTargetHealth", QueryXml.Format(a.EvaluateTargetHealth))) : null);

    private static XElement ZoneXml(HostedZone z) => new("HostedZone",
        new XElement("Id", "/hostedzone/" + z.Id),
        new XElement("Name", z.Name),
        new XElement("CallerReference", z.CallerReference),
        new XElement("Config", QueryXml.Opt("Comment", z.Comment), new XElement("PrivateZone", QueryXml.Format(z.PrivateZone))),
        new XElement("ResourceRecordSetCount", z.Records.Count));

    private static XElement[] ZoneDetails(HostedZone z, AwsState state) =>
    [
        ZoneXml(z),
        z.PrivateZone
            ? QueryXml.List("VPCs", "VPC", z.VpcIds, v => new object[] { new XElement("VPCRegion", state.Region), new XElement("VPCId", v) })
            : new XElement("DelegationSet", QueryXml.List("NameServers", "NameServer", z.Records.First(r => r.Type == "NS").Values, v => v.TrimEnd('.'))),
    ];

    /// <summary>
    /// The page size: maxitems, at most the operation's maximum (300 records, 100 zones), which is also its default.
    /// "If you specify a value greater than 300, Route 53 returns only the first 300" (ListResourceRecordSets).
    /// </summary>
    private static int MaxItems(AwsCall call, int awsMaximum, AwsState state)
    {
        if (call.Param("maxitems") is not { } s)
        {
            return Math.Min(state.DefaultPageSize ?? awsMaximum, awsMaximum);
        }

        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0
            ? Math.Min(max, awsMaximum)
            : throw new AwsFault("InvalidInput", $"maxitems '{s}' is not a positive number");
    }

    internal static XElement Body(AwsCall call, string root)
    {
        XElement element;
        try
        {
            element = XDocument.Parse(call.Body).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            throw new AwsFault("InvalidInput", "The XML document is not well-formed: " + e.Message);
        }

        return element.Name.LocalName == root && element.Name.Namespace == Ns
            ? element
            : throw new AwsFault("InvalidInput", $"Expected a {root} element in namespace {Ns}, got {element.Name}");
    }

    internal static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    internal static string? Text(XElement parent, string name) => Child(parent, name)?.Value;

    [GeneratedRegex("^/hostedzone/[A-Z0-9]+$")]
    private static partial Regex ZonePath();

    [GeneratedRegex("^/hostedzone/[A-Z0-9]+/rrset$")]
    private static partial Regex RecordsPath();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9_*](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex DomainName();
}

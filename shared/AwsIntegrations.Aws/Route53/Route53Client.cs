using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace AwsIntegrations.Aws;

/// <summary>Our Route 53 client (REST-XML, API version 2013-04-01).</summary>
public sealed class Route53Client : IRoute53Api
{
    private readonly AwsTransport _transport;

    internal Route53Client(AwsTransport transport) => _transport = transport;

    public const string Version = "2013-04-01";
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>maxitems sent on list calls; null lets Route 53 choose (100 zones, 300 record sets).</summary>
    public int? MaxItems { get; init; }

    public async Task<IReadOnlyList<HostedZoneSummary>> ListHostedZonesAsync(CancellationToken cancellationToken = default)
    {
        var zones = new List<HostedZoneSummary>();
        string? marker = null;
        do
        {
            var query = Query(("marker", marker), ("maxitems", MaxItems?.ToString(CultureInfo.InvariantCulture)));
            var root = await GetAsync("ListHostedZones", $"/{Version}/hostedzone", query, cancellationToken).ConfigureAwait(false);
            zones.AddRange(root.List("HostedZones", "HostedZone").Select(Zone));
            marker = root.Bool("IsTruncated") == true ? root.Text("NextMarker") : null;
        }
        while (marker is not null);

        return zones;
    }

    public async Task<HostedZoneDetails> GetHostedZoneAsync(string hostedZoneId, CancellationToken cancellationToken = default)
    {
        var root = await GetAsync("GetHostedZone", $"/{Version}/hostedzone/{Bare(hostedZoneId)}", string.Empty, cancellationToken).ConfigureAwait(false);
        return Details(root, root.List("VPCs", "VPC").Select(v => v.RequiredText("VPCId")).ToList());
    }

    public async Task<HostedZoneDetails> CreateHostedZoneAsync(CreateHostedZoneRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new XElement(Ns + "CreateHostedZoneRequest",
            new XElement(Ns + "Name", request.Name),
            request.VpcId is null ? null : new XElement(Ns + "VPC", Opt("VPCRegion", request.VpcRegion), new XElement(Ns + "VPCId", request.VpcId)),
            new XElement(Ns + "CallerReference", request.CallerReference),
            new XElement(Ns + "HostedZoneConfig", Opt("Comment", request.Comment), new XElement(Ns + "PrivateZone", request.VpcId is null ? "false" : "true")));
        var root = await PostAsync("CreateHostedZone", $"/{Version}/hostedzone", body, cancellationToken).ConfigureAwait(false);
        return Details(root, root.Child("VPC")?.Text("VPCId") is { } vpc ? [vpc] : []);
    }

    public async Task<Route53ChangeInfo> DeleteHostedZoneAsync(string hostedZoneId, CancellationToken cancellationToken = default)
    {
        var request = new AwsRequest(HttpMethod.Delete, $"/{Version}/hostedzone/{Bare(hostedZoneId)}", string.Empty, [], null);
        var root = await SendAsync("DeleteHostedZone", request, cancellationToken).ConfigureAwait(false);
        return Change(root.Required("ChangeInfo"));
    }

    public async Task<IReadOnlyList<Route53RecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, CancellationToken cancellationToken = default)
    {
        var records = new List<Route53RecordSet>();
        (string? Name, string? Type, string? Identifier) next = (null, null, null);
        while (true)
        {
            var query = Query(("identifier", next.Identifier), ("maxitems", MaxItems?.ToString(CultureInfo.InvariantCulture)), ("name", next.Name), ("type", next.Type));
            var root = await GetAsync("ListResourceRecordSets", $"/{Version}/hostedzone/{Bare(hostedZoneId)}/rrset", query, cancellationToken).ConfigureAwait(false);
            records.AddRange(root.List("ResourceRecordSets", "ResourceRecordSet").Select(RecordSet));
            if (root.Bool("IsTruncated") != true)
            {
                return records;
            }

            next = (root.RequiredText("NextRecordName"), root.Text("NextRecordType"), root.Text("NextRecordIdentifier"));
        }
    }

    public async Task<Route53ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, IReadOnlyList<Route53Change> changes, string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            throw new ArgumentException("a change batch needs at least one change", nameof(changes));
        }

        var body = new XElement(Ns + "ChangeResourceRecordSetsRequest",
            new XElement(Ns + "ChangeBatch",
                Opt("Comment", comment),
                new XElement(Ns + "Changes", changes.Select(c => new XElement(Ns + "Change",
                    new XElement(Ns + "Action", c.Action),
                    RecordSetXml(c.RecordSet))))));
        var root = await PostAsync("ChangeResourceRecordSets", $"/{Version}/hostedzone/{Bare(hostedZoneId)}/rrset/", body, cancellationToken).ConfigureAwait(false);
        return Change(root.Required("ChangeInfo"));
    }

    public async Task<Route53ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default) =>
        Change((await GetAsync("GetChange", $"/{Version}/change/{Bare(changeId)}", string.Empty, cancellationToken).ConfigureAwait(false)).Required("ChangeInfo"));

    /// <summary>"/hostedzone/Z123" or "/change/C1" → "Z123" / "C1".</summary>
    public static string Bare(string id) => id[(id.LastIndexOf('/') + 1)..];

    private static XElement RecordSetXml(Route53RecordSet r) => new(Ns + "ResourceRecordSet",
        new XElement(Ns + "Name", r.Name),
        new XElement(Ns + "Type", r.Type),
        Opt("SetIdentifier", r.SetIdentifier),
        Opt("Weight", r.Weight?.ToString(CultureInfo.InvariantCulture)),
        Opt("TTL", r.AliasTarget is null ? r.Ttl?.ToString(CultureInfo.InvariantCulture) : null),
        r.AliasTarget is null && r.Values.Count > 0
            ? new XElement(Ns + "ResourceRecords", r.Values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v))))
            : null,
        r.AliasTarget is { } a
            ? new XElement(Ns + "AliasTarget",
                new XElement(Ns + "HostedZoneId", a.HostedZoneId),
                new XElement(Ns + "DNSName", a.DnsName),
                new XElement(Ns + "EvaluateTargetHealth", a.EvaluateTargetHealth ? "true" : "false"))
            : null);

    private static Route53RecordSet RecordSet(XElement e)
    {
        var alias = e.Child("AliasTarget");
        // Route 53 escapes '*' in names as \052; callers get the plain name back.
        return new Route53RecordSet(e.RequiredText("Name").Replace("\\052", "*", StringComparison.Ordinal), e.RequiredText("Type"))
        {
            Ttl = e.Long("TTL"),
            SetIdentifier = e.Text("SetIdentifier"),
            Weight = e.Long("Weight"),
            Values = e.List("ResourceRecords", "ResourceRecord").Select(r => r.RequiredText("Value")).ToList(),
            AliasTarget = alias is null ? null : new Route53AliasTarget(Bare(alias.RequiredText("HostedZoneId")), alias.RequiredText("DNSName"), alias.Bool("EvaluateTargetHealth") ?? false),
        };
    }

    private static HostedZoneSummary Zone(XElement e)
    {
        var config = e.Child("Config");
        return new HostedZoneSummary(Bare(e.RequiredText("Id")), e.RequiredText("Name"), e.Text("CallerReference") ?? string.Empty,
            config?.Text("Comment"), config?.Bool("PrivateZone") ?? false, e.Long("ResourceRecordSetCount") ?? 0);
    }

    // CreateHostedZone answers one <VPC>, GetHostedZone a <VPCs> list: the caller reads whichever its answer has.
    private static HostedZoneDetails Details(XElement root, IReadOnlyList<string> vpcIds) => new(
        Zone(root.Required("HostedZone")),
        root.Child("DelegationSet")?.Strings("NameServers", "NameServer") ?? [],
        vpcIds);

    private static Route53ChangeInfo Change(XElement e) =>
        new(Bare(e.RequiredText("Id")), e.RequiredText("Status"), e.Time("SubmittedAt") ?? default, e.Text("Comment"));

    private static XElement? Opt(string name, string? value) => value is null ? null : new XElement(Ns + name, value);

    private static string Query(params (string Key, string? Value)[] parameters) =>
        string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={SigV4Signer.UriEncode(p.Value!)}"));

    private Task<XElement> GetAsync(string operation, string path, string query, CancellationToken cancellationToken) =>
        SendAsync(operation, AwsRequest.Get(path, query), cancellationToken);

    private Task<XElement> PostAsync(string operation, string path, XElement body, CancellationToken cancellationToken) =>
        SendAsync(operation, AwsRequest.Post(path, Encoding.UTF8.GetBytes(body.ToString(SaveOptions.DisableFormatting)), "text/xml"), cancellationToken);

    private async Task<XElement> SendAsync(string operation, AwsRequest request, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(AwsService.Route53, operation, AwsProtocol.RestXml, request, cancellationToken).ConfigureAwait(false);
        return Xml.Parse(response.Body, operation);
    }
}

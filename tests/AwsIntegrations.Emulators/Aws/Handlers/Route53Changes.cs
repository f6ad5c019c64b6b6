using System.Globalization;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// ChangeResourceRecordSets as Route 53 runs it: validate the whole batch (limits of 1,000 values and 32,000
/// characters with UPSERT counting twice, names inside the zone, CNAME exclusivity, exact-match deletes, alias
/// targets that exist), then apply all changes or none; every problem is one message of InvalidChangeBatch.
/// </summary>
public static class Route53Changes
{
    private static readonly HashSet<string> RecordSetElements = new(StringComparer.Ordinal)
    {
        "Name", "Type", "SetIdentifier", "Weight", "Region", "GeoLocation", "Failover", "MultiValueAnswer", "TTL",
        "ResourceRecords", "AliasTarget", "HealthCheckId", "TrafficPolicyInstanceId", "CidrRoutingConfig", "GeoProximityLocation",
    };

    public static ChangeInfo Apply(AwsCall call, HostedZone zone, AwsState state)
    {
        var batch = Route53Handler.Child(Route53Handler.Body(call, "ChangeResourceRecordSetsRequest"), "ChangeBatch")
            ?? throw new AwsFault("InvalidInput", "ChangeBatch is required");
        var changes = Route53Handler.Child(batch, "Changes")?.Elements().Select(Parse).ToList() ?? [];
        if (changes.Count == 0)
        {
            throw new AwsFault("InvalidInput", "1 validation error detected: Value at 'changeBatch.changes' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        CheckLimits(changes);
        var working = zone.Records.ToList();
        var messages = new List<string>();
        foreach (var (action, record) in changes)
        {
            var problem = Check(action, record, zone, working, state);
            if (problem is not null)
            {
                messages.Add(problem);
                continue;
            }

            working.RemoveAll(r => r.SameKey(record));
            if (action != "DELETE")
            {
                working.Add(record);
            }
        }

        if (messages.Count > 0)
        {
            // Route 53 answers an ErrorResponse whose message lists every problem: "[first, second]".
            throw new AwsFault("InvalidChangeBatch", "[" + string.Join(", ", messages) + "]");
        }

        zone.Records.Clear();
        zone.Records.AddRange(working);
        return Route53Handler.NewChange(state, Route53Handler.Text(batch, "Comment"));
    }

    private static (string Action, RecordSet Record) Parse(XElement change)
    {
        var action = Route53Handler.Text(change, "Action") ?? throw new AwsFault("InvalidInput", "Change without an Action");
        if (action is not ("CREATE" or "DELETE" or "UPSERT"))
        {
            throw new AwsFault("InvalidInput", $"Invalid XML ; cvc-enumeration-valid: Value '{action}' is not facet-valid with respect to enumeration '[CREATE, DELETE, UPSERT]'.");
        }

        var set = Route53Handler.Child(change, "ResourceRecordSet") ?? throw new AwsFault("InvalidInput", "Change without a ResourceRecordSet");
        foreach (var unknown in set.Elements().Where(e => !RecordSetElements.Contains(e.Name.LocalName)))
        {
            throw new AwsFault("InvalidInput", $"Invalid XML ; unexpected element {unknown.Name.LocalName} in ResourceRecordSet");
        }

        var name = Route53Handler.Text(set, "Name") ?? throw new AwsFault("InvalidInput", "ResourceRecordSet without a Name");
        var type = Route53Handler.Text(set, "Type") ?? throw new AwsFault("InvalidInput", "ResourceRecordSet without a Type");
        var ttl = Route53Handler.Text(set, "TTL") is { } t ? long.Parse(t, CultureInfo.InvariantCulture) : (long?)null;
        var values = Route53Handler.Child(set, "ResourceRecords")?.Elements().Select(r => Route53Handler.Text(r, "Value") ?? string.Empty).ToList();
        var alias = Route53Handler.Child(set, "AliasTarget");
        if ((alias is null) == (ttl is null || values is null) || (alias is not null && (ttl is not null || values is not null)))
        {
            throw new AwsFault("InvalidInput", $"Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in Change with [Action={action}, Name={name}, Type={type}, SetIdentifier={Route53Handler.Text(set, "SetIdentifier") ?? "null"}]");
        }

        return (action, new RecordSet(Route53Zones.Fqdn(Unescape(name)), type)
        {
            Ttl = ttl,
            Values = values ?? [],
            SetIdentifier = Route53Handler.Text(set, "SetIdentifier"),
            Weight = Route53Handler.Text(set, "Weight") is { } w ? long.Parse(w, CultureInfo.InvariantCulture) : null,
            Alias = alias is null ? null : new AliasTarget(
                Route53Handler.Text(alias, "HostedZoneId") ?? string.Empty,
                Route53Zones.Fqdn(Route53Handler.Text(alias, "DNSName") ?? string.Empty),
                Route53Handler.Text(alias, "EvaluateTargetHealth") == "true"),
        });
    }

    private static void CheckLimits(List<(string Action, RecordSet Record)> changes)
    {
        var records = changes.Sum(c => Math.Max(1, c.Record.Values.Count) * (c.Action == "UPSERT" ? 2 : 1));
        var characters = changes.Sum(c => c.Record.Values.Sum(v => v.Length) * (c.Action == "UPSERT" ? 2 : 1));
        if (records > 1000)
        {
            throw new AwsFault("InvalidChangeBatch", "Number of records limit of 1000 exceeded.");
        }

        if (characters > 32000)
        {
            throw new AwsFault("InvalidChangeBatch", "Number of characters limit of 32000 exceeded.");
        }
    }

    private static string? Check(string action, RecordSet record, HostedZone zone, List<RecordSet> working, AwsState state)
    {
        var described = $"[name='{record.Name}', type='{record.Type}'{(record.SetIdentifier is null ? string.Empty : $", set-identifier='{record.SetIdentifier}'")}]";
        if (!(record.Name == zone.Name || record.Name.EndsWith("." + zone.Name, StringComparison.Ordinal)))
        {
            return $"RRSet with DNS name {record.Name} is not permitted in zone {zone.Name}";
        }

        var existing = working.FirstOrDefault(r => r.SameKey(record));
        switch (action)
        {
            case "CREATE" when existing is not null:
                return $"Tried to create resource record set {described} but it already exists";
            case "DELETE" when existing is null:
                return $"Tried to delete resource record set {described} but it was not found";
            case "DELETE" when !SameContent(existing, record):
                return $"Tried to delete resource record set {described} but the values provided do not match the current values";
            case "DELETE" when record.Type is "SOA" || (record.Type == "NS" && record.Name == zone.Name):
                return $"A HostedZone must contain at least one NS record for the zone itself and exactly one SOA record.";
        }

        if (action != "DELETE")
        {
            var others = working.Where(r => r.Name == record.Name && !r.SameKey(record)).ToList();
            if ((record.Type == "CNAME" && others.Count > 0) || others.Any(r => r.Type == "CNAME"))
            {
                return $"RRSet of type CNAME with DNS name {record.Name} is not permitted as it conflicts with other records with the same DNS name in zone {zone.Name}";
            }

            if (record.Type is "TXT" or "SPF" && record.Values.Select(TxtProblem).FirstOrDefault(p => p is not null) is { } txtProblem)
            {
                return txtProblem;
            }

            if (record.Alias is { } alias && !AliasTargetExists(alias, state))
            {
                return $"Tried to create an alias that targets {alias.DnsName}, type {record.Type} in zone {alias.HostedZoneId}, but the alias target name does not lie within the target zone";
            }
        }

        return null;
    }

    /// <summary>
    /// A TXT value is one or more character-strings, quoted ("…", with \" inside) or not, each at most 255 characters
    /// (RFC 1035 §3.3.14; Route 53's "Supported DNS record types": longer values are split into several quoted strings).
    /// </summary>
    private static string? TxtProblem(string value)
    {
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == ' ')
            {
                i++;
                continue;
            }

            var length = 0;
            if (value[i] == '"')
            {
                i++;
                while (i < value.Length && value[i] != '"')
                {
                    i += value[i] == '\\' && i + 1 < value.Length ? 2 : 1;
                    length++;
                }

                if (i >= value.Length)
                {
                    return $"Invalid Resource Record: 'FATAL problem: InvalidCharacterString (Value should be enclosed in quotation marks) encountered with '{value}''";
                }

                i++;
            }
            else
            {
                while (i < value.Length && value[i] != ' ')
                {
                    i++;
                    length++;
                }
            }

            if (length > 255)
            {
                return $"Invalid Resource Record: 'FATAL problem: TXTRDATATooLong encountered with '{value}''";
            }
        }

        return null;
    }

    private static bool AliasTargetExists(AliasTarget alias, AwsState state)
    {
        var target = alias.DnsName.TrimEnd('.');
        target = target.StartsWith("dualstack.", StringComparison.Ordinal) ? target["dualstack.".Length..] : target;
        var zone = state.HostedZones.FirstOrDefault(z => z.Id == alias.HostedZoneId);
        if (zone is not null)
        {
            return zone.Records.Any(r => r.Name.TrimEnd('.') == target);
        }

        return state.LoadBalancers.Any(l => l.CanonicalHostedZoneId == alias.HostedZoneId && l.DnsName == target);
    }

    private static bool SameContent(RecordSet a, RecordSet b) =>
        a.Ttl == b.Ttl && a.Weight == b.Weight && a.Values.SequenceEqual(b.Values) && a.Alias == b.Alias;

    // Route 53 returns (and accepts) octal escapes such as \052 for '*'.
    private static string Unescape(string name) => name.Replace("\\052", "*", StringComparison.Ordinal);
}

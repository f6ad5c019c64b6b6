using AwsIntegrations.Aws;
using DnsController.Options;
using DnsController.Registry;
using DnsController.Sources;
using DnsController.Zones;

namespace DnsController.Planning;

/// <summary>
/// Desired records vs. one zone's records → the changes (pure; no I/O). Rules, as external-dns': only A, AAAA and CNAME
/// records are managed; a record is ours when its TXT record says <c>heritage=external-dns</c> with our owner id; records
/// that are not ours are never changed or deleted, and a name where one exists is not written at all; --policy filters
/// updates and deletes; a record and its TXT change together.
/// </summary>
public static class Planner
{
    private static readonly HashSet<string> ManagedTypes = new(StringComparer.Ordinal) { "A", "AAAA", "CNAME" };

    public static ZonePlan Plan(Zone zone, IReadOnlyList<Route53RecordSet> current, IReadOnlyList<DesiredRecord> desired, PlanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(settings);
        var view = new ZoneRecords(current, settings.Mapper);
        var wanted = desired.GroupBy(d => new RecordKey(d.Name, d.SetIdentifier)).ToDictionary(g => g.Key, g => g.ToList());
        var keys = view.Keys.Union(wanted.Keys).OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.SetIdentifier, StringComparer.Ordinal);
        var groups = new List<ChangeGroup>();
        var problems = new List<SourceProblem>();
        foreach (var key in keys)
        {
            var winners = Resolve(key, wanted.GetValueOrDefault(key) ?? [], view, settings, problems);
            if (PlanName(zone, key, view, winners, settings, problems) is { } group)
            {
                groups.Add(group);
            }
        }

        return new ZonePlan(groups, problems);
    }

    /// <summary>One candidate per type: the object that owns the record keeps it; else the first by resource name. CNAME loses to A/AAAA.</summary>
    private static Dictionary<string, DesiredRecord> Resolve(RecordKey key, List<DesiredRecord> candidates, ZoneRecords view, PlanSettings settings, List<SourceProblem> problems)
    {
        var winners = new Dictionary<string, DesiredRecord>(StringComparer.Ordinal);
        foreach (var byType in candidates.GroupBy(c => c.Type))
        {
            var owner = view.Record(key, byType.Key) is { } record ? view.OwnerOf(record) : null;
            var ordered = byType.OrderBy(c => c.Resource, StringComparer.Ordinal).ToList();
            var winner = ordered.FirstOrDefault(c => owner?.Owner == settings.OwnerId && c.Resource == owner.Resource) ?? ordered[0];
            winners[byType.Key] = winner;
            foreach (var loser in ordered.Where(c => c.Resource != winner.Resource).Select(c => c.Resource).Distinct())
            {
                problems.Add(new SourceProblem(loser, "NameConflict", $"{key.Name} ({byType.Key}) is also wanted by {winner.Resource}, which keeps it"));
            }
        }

        if (winners.TryGetValue("CNAME", out var cname) && (winners.ContainsKey("A") || winners.ContainsKey("AAAA")))
        {
            winners.Remove("CNAME");
            problems.Add(new SourceProblem(cname.Resource, "CnameConflict", $"{key.Name}: CNAME dropped, the name also has A/AAAA records"));
        }

        return winners;
    }

    private static ChangeGroup? PlanName(Zone zone, RecordKey key, ZoneRecords view, Dictionary<string, DesiredRecord> winners, PlanSettings settings, List<SourceProblem> problems)
    {
        var current = view.Records(key);
        var deletes = new List<Route53Change>();
        var writes = new List<Route53Change>();
        var actions = new List<RecordAction>();
        var foreign = current.Values.Where(r => !view.IsOurs(r, settings.OwnerId)).ToList();
        foreach (var (type, wanted) in winners.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (current.TryGetValue(type, out var existing))
            {
                PlanUpdate(key, existing, wanted, view, settings, deletes, writes, actions, problems);
                continue;
            }

            if (foreign.Count > 0)
            {
                problems.Add(Conflict(wanted.Resource, key.Name, foreign[0], view));
                continue;
            }

            var displaced = current.Values.Where(r => type == "CNAME" || r.Type == "CNAME").ToList();
            if (displaced.Count > 0 && settings.Policy != Policy.Sync)
            {
                problems.Add(new SourceProblem(wanted.Resource, "PolicyConflict",
                    $"{key.Name}: replacing the {displaced[0].Type} record with {type} needs a delete, which --policy {Describe(settings.Policy)} forbids"));
                continue;
            }

            var txtName = settings.Mapper.ToTxtName(key.Name, type);
            var txt = view.Txt(txtName, key.SetIdentifier);
            if (txt is not null && OwnerLabels.FromValues(txt.Values)?.Owner != settings.OwnerId)
            {
                problems.Add(new SourceProblem(wanted.Resource, "OwnershipConflict", $"{key.Name} ({type}): its ownership record {txtName} belongs to {OwnerText(OwnerLabels.FromValues(txt.Values))}"));
                continue;
            }

            writes.Add(new Route53Change("CREATE", RecordComparison.ToRoute53(wanted)));
            writes.Add(new Route53Change(txt is null ? "CREATE" : "UPSERT", TxtRecord(txtName, wanted, settings)));
            actions.Add(new RecordAction("created", type, key.Name));
        }

        string? deletedResource = null;
        foreach (var (type, existing) in current.Where(c => !winners.ContainsKey(c.Key) && view.IsOurs(c.Value, settings.OwnerId)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (settings.Policy != Policy.Sync)
            {
                continue;
            }

            deletes.Add(new Route53Change("DELETE", existing));
            if (view.Txt(settings.Mapper.ToTxtName(key.Name, type), key.SetIdentifier) is { } txt)
            {
                deletes.Add(new Route53Change("DELETE", txt));
            }

            deletedResource ??= view.OwnerOf(existing)?.Resource;
            actions.Add(new RecordAction("deleted", type, key.Name));
        }

        if (deletes.Count + writes.Count == 0)
        {
            return null;
        }

        var resource = winners.Values.Select(w => w.Resource).FirstOrDefault() ?? deletedResource;
        return new ChangeGroup(zone.Id, key.Name, key.SetIdentifier, [.. deletes, .. writes], actions, resource);
    }

    private static void PlanUpdate(
        RecordKey key, Route53RecordSet existing, DesiredRecord wanted, ZoneRecords view, PlanSettings settings,
        List<Route53Change> deletes, List<Route53Change> writes, List<RecordAction> actions, List<SourceProblem> problems)
    {
        if (!view.IsOurs(existing, settings.OwnerId))
        {
            problems.Add(Conflict(wanted.Resource, key.Name, existing, view));
            return;
        }

        var txtName = settings.Mapper.ToTxtName(key.Name, wanted.Type);
        var txt = view.Txt(txtName, key.SetIdentifier);
        var txtLabels = txt is null ? null : OwnerLabels.FromValues(txt.Values);
        var recordSame = RecordComparison.Same(existing, wanted);
        // A record owned through an older TXT format (same-name or cname- for aliases) stays as it is until it changes.
        var txtSame = txt is null ? view.OwnerOf(existing) is not null : txtLabels?.Owner == settings.OwnerId && txtLabels.Resource == wanted.Resource;
        if ((recordSame && txtSame) || settings.Policy == Policy.CreateOnly)
        {
            return;
        }

        if (!recordSame)
        {
            if ((existing.AliasTarget is null) != !wanted.IsAlias)
            {
                // Route 53 cannot turn a plain record into an alias (or back) in place: DELETE + CREATE in one batch.
                deletes.Add(new Route53Change("DELETE", existing));
                writes.Add(new Route53Change("CREATE", RecordComparison.ToRoute53(wanted)));
            }
            else
            {
                writes.Add(new Route53Change("UPSERT", RecordComparison.ToRoute53(wanted)));
            }
        }

        if (txt is null || !txtSame)
        {
            writes.Add(new Route53Change("UPSERT", TxtRecord(txtName, wanted, settings)));
        }

        actions.Add(new RecordAction("updated", wanted.Type, key.Name));
    }

    /// <summary>The ownership record: same set identifier and weight as the record it owns (Route 53 requires both).</summary>
    public static Route53RecordSet TxtRecord(string txtName, DesiredRecord owned, PlanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(owned);
        ArgumentNullException.ThrowIfNull(settings);
        return new Route53RecordSet(DnsNames.Fqdn(txtName), "TXT")
        {
            Ttl = owned.IsAlias ? 300 : owned.Ttl,
            Values = [new OwnerLabels(settings.OwnerId, owned.Resource).Serialize()],
            SetIdentifier = owned.SetIdentifier,
            Weight = owned.Weight,
        };
    }

    private static SourceProblem Conflict(string resource, string name, Route53RecordSet existing, ZoneRecords view) =>
        new(resource, "OwnershipConflict", $"{name} ({existing.Type}) is not ours: owned by {OwnerText(view.OwnerOf(existing))}; it is left as it is");

    private static string OwnerText(OwnerLabels? labels) =>
        labels is null ? "no one we know (no ownership TXT record)" : $"another owner \"{labels.Owner}\"";

    private static string Describe(Policy policy) => policy switch
    {
        Policy.UpsertOnly => "upsert-only",
        Policy.CreateOnly => "create-only",
        _ => "sync",
    };

    internal static bool IsManaged(string type) => ManagedTypes.Contains(type);
}

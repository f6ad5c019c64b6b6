using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Registry;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>
/// Desired records vs. one zone's records → the changes (pure; no I/O). Rules, as external-dns': only A, AAAA and CNAME
/// records at names in scope are considered (plan/plan.go filterRecordsForPlan); a record is ours when its TXT record
/// says <c>heritage=external-dns</c> with our owner id, in any format external-dns has written; records that are not
/// ours are never changed or deleted, and a name where one exists is not written at all; --policy filters updates and
/// deletes; a record and its TXT records change together. A record of ours known only through an older TXT format
/// gets the current one beside it (registry/txt/registry.go, txt/force-update), and a deleted record loses every
/// TXT format that named it.
/// </summary>
public static class Planner
{
    /// <summary>The TTL of ownership records: external-dns writes them at its default, whatever the record's own TTL (provider/aws/aws.go defaultTTL).</summary>
    public const long TxtTtl = 300;

    private static readonly HashSet<string> ManagedTypes = new(StringComparer.Ordinal) { RecordType.A, RecordType.Aaaa, RecordType.Cname };

    public static ZonePlan Plan(Zone zone, IReadOnlyList<Route53RecordSet> current, IReadOnlyList<DesiredRecord> desired, PlanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(settings);
        var view = new ZoneRecords(current, settings.Mapper, settings.Scope.Accepts);
        var wanted = desired.Where(d => settings.Scope.Accepts(d.Name)).GroupBy(d => new RecordKey(d.Name, d.SetIdentifier)).ToDictionary(g => g.Key, g => g.ToList());
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

    /// <summary>
    /// One candidate per type (plan/conflict.go PerResource): the object that owns the record keeps it; else the one
    /// with the smallest targets. CNAME loses to A/AAAA.
    /// </summary>
    private static Dictionary<string, DesiredRecord> Resolve(RecordKey key, List<DesiredRecord> candidates, ZoneRecords view, PlanSettings settings, List<SourceProblem> problems)
    {
        var winners = new Dictionary<string, DesiredRecord>(StringComparer.Ordinal);
        foreach (var byType in candidates.GroupBy(c => c.Type))
        {
            var owner = view.Record(key, byType.Key) is { } record ? view.OwnerOf(record) : null;
            var ordered = byType.OrderBy(c => c.Targets, TargetOrder.Instance).ThenBy(c => c.Resource, StringComparer.Ordinal).ToList();
            var winner = ordered.FirstOrDefault(c => owner?.Owner == settings.OwnerId && c.Resource == owner.Resource) ?? ordered[0];
            winners[byType.Key] = winner;
            foreach (var loser in ordered.Where(c => c.Resource != winner.Resource).Select(c => c.Resource).Distinct())
            {
                problems.Add(new SourceProblem(loser, "NameConflict", $"{key.Name} ({byType.Key}) is also wanted by {winner.Resource}, which keeps it"));
            }
        }

        if (winners.TryGetValue(RecordType.Cname, out var cname) && (winners.ContainsKey(RecordType.A) || winners.ContainsKey(RecordType.Aaaa)))
        {
            winners.Remove(RecordType.Cname);
            problems.Add(new SourceProblem(cname.Resource, "CnameConflict", $"{key.Name}: CNAME dropped, the name also has A/AAAA records"));
        }

        return winners;
    }

    private static ChangeGroup? PlanName(Zone zone, RecordKey key, ZoneRecords view, Dictionary<string, DesiredRecord> winners, PlanSettings settings, List<SourceProblem> problems)
    {
        var current = view.Records(key);
        var group = new GroupBuilder();
        var foreign = current.Values.Where(r => !view.IsOurs(r, settings.OwnerId)).ToList();
        foreach (var (type, wanted) in winners.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            if (current.TryGetValue(type, out var existing))
            {
                PlanUpdate(key, existing, wanted, view, settings, group, problems);
            }
            else if (foreign.Count > 0)
            {
                problems.Add(Conflict(wanted.Resource, key.Name, foreign[0], view));
            }
            else
            {
                PlanCreate(key, type, wanted, current, view, settings, group, problems);
            }
        }

        var deletedResource = settings.Policy == Policy.Sync ? PlanDeletes(key, current, winners, view, settings, group) : null;
        if (group.IsEmpty)
        {
            return null;
        }

        var resource = winners.Values.Select(w => w.Resource).FirstOrDefault() ?? deletedResource;
        return new ChangeGroup(zone.Id, key.Name, key.SetIdentifier, group.Changes(), group.Actions, resource);
    }

    /// <summary>Under --policy sync, deletes the records of ours no object wants any more; returns the resource that owned the first.</summary>
    private static string? PlanDeletes(
        RecordKey key, IReadOnlyDictionary<string, Route53RecordSet> current, Dictionary<string, DesiredRecord> winners, ZoneRecords view, PlanSettings settings, GroupBuilder group)
    {
        string? deletedResource = null;
        foreach (var (_, existing) in current.Where(c => !winners.ContainsKey(c.Key) && view.IsOurs(c.Value, settings.OwnerId)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            PlanDelete(key, existing, view, settings, group);
            deletedResource ??= view.OwnerOf(existing)?.Resource;
        }

        DeleteSameNameTxtNoLongerNeeded(key, current, view, settings, group);
        return deletedResource;
    }

    private static void PlanCreate(
        RecordKey key, string type, DesiredRecord wanted, IReadOnlyDictionary<string, Route53RecordSet> current, ZoneRecords view, PlanSettings settings,
        GroupBuilder group, List<SourceProblem> problems)
    {
        var displaced = current.Values.Where(r => type == RecordType.Cname || r.Type == RecordType.Cname).ToList();
        if (displaced.Count > 0 && settings.Policy != Policy.Sync)
        {
            problems.Add(new SourceProblem(wanted.Resource, "PolicyConflict",
                $"{key.Name}: replacing the {displaced[0].Type} record with {type} needs a delete, which --policy {Describe(settings.Policy)} forbids"));
            return;
        }

        var txtName = settings.Mapper.ToTxtName(key.Name, type);
        if (InvalidOwnershipRecord(txtName, wanted, settings) is { } invalid)
        {
            problems.Add(invalid);
            return;
        }

        var txt = view.Txt(txtName, key.SetIdentifier);
        if (txt is not null && OwnerLabels.FromValues(txt.Values)?.Owner != settings.OwnerId)
        {
            problems.Add(new SourceProblem(wanted.Resource, "OwnershipConflict", $"{key.Name} ({type}): its ownership record {txtName} belongs to {OwnerText(OwnerLabels.FromValues(txt.Values))}"));
            return;
        }

        group.Write(ChangeAction.Create, RecordComparison.ToRoute53(wanted));
        group.Write(txt is null ? ChangeAction.Create : ChangeAction.Upsert, TxtRecord(txtName, wanted, settings));
        group.Created.Add(type);
        group.Actions.Add(new RecordAction(RecordVerb.Created, type, key.Name));
    }

    private static void PlanUpdate(
        RecordKey key, Route53RecordSet existing, DesiredRecord wanted, ZoneRecords view, PlanSettings settings, GroupBuilder group, List<SourceProblem> problems)
    {
        if (!view.IsOurs(existing, settings.OwnerId))
        {
            problems.Add(Conflict(wanted.Resource, key.Name, existing, view));
            return;
        }

        if (settings.Policy == Policy.CreateOnly)
        {
            return;
        }

        var ownership = view.OwnershipOf(existing)!;
        var txtName = settings.Mapper.ToTxtName(key.Name, wanted.Type);
        var recordSame = RecordComparison.Same(existing, wanted);
        var migrate = ownership.Format != OwnershipFormat.Current && InvalidOwnershipRecord(txtName, wanted, settings) is null;
        var txtSame = ownership.Format != OwnershipFormat.Current || ownership.Labels.Resource == wanted.Resource;
        if (!recordSame)
        {
            Rewrite(existing, wanted, group);
        }

        if (migrate || !txtSame)
        {
            // Migrating from an older format adds the current one and keeps the old, as external-dns v0.22 does.
            group.Write(migrate ? ChangeAction.Create : ChangeAction.Upsert, TxtRecord(txtName, wanted, settings));
        }

        if (!recordSame || !txtSame)
        {
            group.Actions.Add(new RecordAction(RecordVerb.Updated, wanted.Type, key.Name));
        }
        else if (migrate)
        {
            group.Actions.Add(new RecordAction(RecordVerb.Migrated, wanted.Type, key.Name));
        }
    }

    private static void Rewrite(Route53RecordSet existing, DesiredRecord wanted, GroupBuilder group)
    {
        if ((existing.AliasTarget is null) != !wanted.IsAlias)
        {
            // Route 53 cannot turn a plain record into an alias (or back) in place: DELETE + CREATE in one batch.
            group.Delete(existing);
            group.Write(ChangeAction.Create, RecordComparison.ToRoute53(wanted));
        }
        else
        {
            group.Write(ChangeAction.Upsert, RecordComparison.ToRoute53(wanted));
        }
    }

    /// <summary>Deletes the record and the TXT records of ours that name it in the current format or as an alias's cname- record.</summary>
    private static void PlanDelete(RecordKey key, Route53RecordSet existing, ZoneRecords view, PlanSettings settings, GroupBuilder group)
    {
        group.Delete(existing);
        group.Deleted.Add(existing.Type);
        var txtNames = new List<string> { settings.Mapper.ToTxtName(key.Name, existing.Type) };
        if (existing.Type == RecordType.A && existing.AliasTarget is not null)
        {
            txtNames.Add(settings.Mapper.ToTxtName(key.Name, RecordType.Cname));
        }

        foreach (var txt in txtNames.Select(n => view.Txt(n, key.SetIdentifier)).OfType<Route53RecordSet>())
        {
            if (OwnerLabels.FromValues(txt.Values)?.Owner == settings.OwnerId)
            {
                group.Delete(txt);
            }
        }

        group.Actions.Add(new RecordAction(RecordVerb.Deleted, existing.Type, key.Name));
    }

    /// <summary>
    /// The same-name TXT record (one for every type at the name) goes with the last record of ours at the name: when this
    /// group deletes records and none of ours stays or is created.
    /// </summary>
    private static void DeleteSameNameTxtNoLongerNeeded(RecordKey key, IReadOnlyDictionary<string, Route53RecordSet> current, ZoneRecords view, PlanSettings settings, GroupBuilder group)
    {
        if (group.Deleted.Count == 0 || group.Created.Count > 0
            || current.Values.Any(r => !group.Deleted.Contains(r.Type) && view.IsOurs(r, settings.OwnerId))
            || view.Txt(settings.Mapper.ToOldTxtName(key.Name), key.SetIdentifier) is not { } sameName
            || OwnerLabels.FromValues(sameName.Values)?.Owner != settings.OwnerId)
        {
            return;
        }

        group.Delete(sameName);
    }

    /// <summary>The ownership record: same set identifier and weight as the record it owns (Route 53 requires both), TTL 300, value as external-dns writes it.</summary>
    public static Route53RecordSet TxtRecord(string txtName, DesiredRecord owned, PlanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(owned);
        ArgumentNullException.ThrowIfNull(settings);
        return new Route53RecordSet(DnsNames.Fqdn(txtName), RecordType.Txt)
        {
            Ttl = TxtTtl,
            Values = [new OwnerLabels(settings.OwnerId, owned.Resource).Serialize()],
            SetIdentifier = owned.SetIdentifier,
            Weight = owned.Weight,
        };
    }

    /// <summary>An ownership record Route 53 would refuse: a label over 63 characters, or a value over one 255-character TXT string.</summary>
    private static SourceProblem? InvalidOwnershipRecord(string txtName, DesiredRecord owned, PlanSettings settings)
    {
        if (!TxtNameMapper.IsValidName(txtName))
        {
            return new SourceProblem(owned.Resource, "OwnershipRecordInvalid", $"{owned.Name} ({owned.Type}): its ownership record name {txtName} is longer than DNS allows; shorten the name or --txt-prefix/--txt-suffix");
        }

        var value = new OwnerLabels(settings.OwnerId, owned.Resource).Serialize();
        return value.Length - 2 > 255
            ? new SourceProblem(owned.Resource, "OwnershipRecordInvalid", $"{owned.Name} ({owned.Type}): its ownership record value is {value.Length - 2} characters, a TXT string holds 255; shorten the owner id or the object's name")
            : null;
    }

    private static SourceProblem Conflict(string resource, string name, Route53RecordSet existing, ZoneRecords view) =>
        ZoneRecords.HasUnknownRoutingPolicy(existing)
            ? new(resource, "OwnershipConflict", $"{name} ({existing.Type}, set identifier {existing.SetIdentifier}) has a routing policy other than weighted, which DnsController does not manage; it is left as it is")
            : new(resource, "OwnershipConflict", $"{name} ({existing.Type}) is not ours: owned by {OwnerText(view.OwnerOf(existing))}; it is left as it is");

    private static string OwnerText(OwnerLabels? labels) =>
        labels is null ? "no one we know (no well-formed ownership TXT record)" : $"another owner \"{labels.Owner}\"";

    private static string Describe(Policy policy) => policy switch
    {
        Policy.UpsertOnly => "upsert-only",
        Policy.CreateOnly => "create-only",
        _ => "sync",
    };

    internal static bool IsManaged(string type) => ManagedTypes.Contains(type);

    /// <summary>The A, AAAA and CNAME records of a zone, at names in scope, that are ours.</summary>
    public static int CountOurs(IReadOnlyList<Route53RecordSet> records, PlanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(settings);
        var view = new ZoneRecords(records, settings.Mapper, settings.Scope.Accepts);
        return records.Count(r => IsManaged(r.Type) && view.IsOurs(r, settings.OwnerId));
    }
}

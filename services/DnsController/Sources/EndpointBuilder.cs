using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.DnsController.Sources;

/// <summary>
/// The records one object asks for (pure): names from its hosts and the hostname annotation; targets from the target
/// annotation or its load balancer status; IPv4 → A, IPv6 → AAAA, a load balancer hostname → ALIAS A and ALIAS AAAA
/// (with --aws-aaaa-alias=dual-stack the AAAA only for dual-stack load balancers), any other hostname → CNAME.
/// </summary>
public static class EndpointBuilder
{
    public static (IReadOnlyList<DesiredRecord> Records, IReadOnlyList<SourceProblem> Problems) Build(
        SourceObject source, RecordSettings settings, Func<string, AliasTarget?> aliasFor)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(aliasFor);
        var problems = new List<SourceProblem>();
        var names = Names(source, problems);
        var targets = Split(Annotations.Get(source.Annotations, Annotations.Target)) is { Count: > 0 } overridden ? overridden : source.StatusTargets;
        if (names.Count == 0 || targets.Count == 0)
        {
            return ([], problems);
        }

        var common = Common(source, settings, problems);
        var records = new List<DesiredRecord>();
        foreach (var name in names)
        {
            records.AddRange(ForName(name, targets, source, common, settings, aliasFor, problems));
        }

        return (records, problems);
    }

    private static List<string> Names(SourceObject source, List<SourceProblem> problems)
    {
        var names = new List<string>();
        var annotated = source.UsesHostnameAnnotation ? Split(Annotations.Get(source.Annotations, Annotations.Hostname)) : [];
        foreach (var raw in source.Hosts.Concat(annotated))
        {
            var name = DnsNames.Normalize(raw);
            if (!DnsNames.IsValid(name))
            {
                problems.Add(new SourceProblem(source.Resource, "InvalidHostname", $"\"{raw}\" is not a valid DNS name"));
            }
            else if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static DesiredRecord Common(SourceObject source, RecordSettings settings, List<SourceProblem> problems)
    {
        var record = new DesiredRecord(string.Empty, string.Empty, [], source.Resource)
        {
            Ttl = settings.DefaultTtl,
            TtlConfigured = false,
            EvaluateTargetHealth = settings.EvaluateTargetHealth,
            SetIdentifier = Annotations.Get(source.Annotations, Annotations.SetIdentifier),
        };
        record = WithTtl(record, source, settings, problems);
        record = WithWeight(record, source, problems);
        if (record.SetIdentifier is not null && record.Weight is null)
        {
            problems.Add(new SourceProblem(source.Resource, "InvalidAnnotation", "set-identifier needs a routing policy: add aws-weight"));
            record = record with { SetIdentifier = null };
        }

        if (Annotations.Get(source.Annotations, Annotations.AwsEvaluateTargetHealth) is { } evaluate && bool.TryParse(evaluate, out var evaluateTargetHealth))
        {
            record = record with { EvaluateTargetHealth = evaluateTargetHealth };
        }

        return record;
    }

    private static DesiredRecord WithTtl(DesiredRecord record, SourceObject source, RecordSettings settings, List<SourceProblem> problems)
    {
        if (Annotations.Get(source.Annotations, Annotations.Ttl) is not { } ttlText)
        {
            return record;
        }

        if (TryParseTtl(ttlText, out var ttl))
        {
            return record with { Ttl = ttl, TtlConfigured = true };
        }

        problems.Add(new SourceProblem(source.Resource, "InvalidAnnotation", $"ttl \"{ttlText}\" must be seconds (1–2147483647) or a duration such as 5m; using {settings.DefaultTtl}"));
        return record;
    }

    private static DesiredRecord WithWeight(DesiredRecord record, SourceObject source, List<SourceProblem> problems)
    {
        if (Annotations.Get(source.Annotations, Annotations.AwsWeight) is not { } weightText)
        {
            return record;
        }

        if (long.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) && weight <= 255)
        {
            return record with { Weight = weight };
        }

        problems.Add(new SourceProblem(source.Resource, "InvalidAnnotation", $"aws-weight \"{weightText}\" must be an integer from 0 to 255"));
        return record;
    }

    private static IEnumerable<DesiredRecord> ForName(
        string name, IReadOnlyList<string> targets, SourceObject source, DesiredRecord common, RecordSettings settings, Func<string, AliasTarget?> aliasFor, List<SourceProblem> problems)
    {
        var v4 = targets.Where(t => IsIp(t, AddressFamily.InterNetwork)).Order(StringComparer.Ordinal).ToList();
        var v6 = targets.Where(t => IsIp(t, AddressFamily.InterNetworkV6)).Order(StringComparer.Ordinal).ToList();
        var hosts = targets.Where(t => !IPAddress.TryParse(t, out _)).Select(DnsNames.Normalize).Order(StringComparer.Ordinal).ToList();
        var aliasMode = (Annotations.Get(source.Annotations, Annotations.Alias) ?? (settings.PreferCname ? "false" : "true")).ToUpperInvariant();
        if (v4.Count > 0)
        {
            yield return common with { Name = name, Type = RecordType.A, Targets = v4 };
        }

        if (v6.Count > 0)
        {
            yield return common with { Name = name, Type = RecordType.Aaaa, Targets = v6 };
        }

        foreach (var record in hosts.Count == 0 ? [] : ForHost(name, hosts[0], v4.Count > 0, v6.Count > 0, aliasMode, source, common, settings, aliasFor, problems))
        {
            yield return record;
        }
    }

    /// <summary>A hostname target: ALIAS A and AAAA to a load balancer (not beside IPs of the same family), else a CNAME (not beside any IP).</summary>
    private static IEnumerable<DesiredRecord> ForHost(
        string name, string host, bool hasV4, bool hasV6, string aliasMode, SourceObject source, DesiredRecord common, RecordSettings settings,
        Func<string, AliasTarget?> aliasFor, List<SourceProblem> problems)
    {
        var alias = aliasMode == "FALSE" ? null : aliasFor(host);
        if (alias is null)
        {
            if (hasV4 || hasV6)
            {
                problems.Add(new SourceProblem(source.Resource, "CnameConflict", $"{name}: CNAME to {host} dropped, a name with A/AAAA records cannot be a CNAME"));
                yield break;
            }

            yield return common with { Name = name, Type = RecordType.Cname, Targets = [host] };
            yield break;
        }

        var aliasRecord = common with { Name = name, Targets = [host], AliasZoneId = alias.HostedZoneId, Ttl = 300 };
        if (aliasMode != RecordType.Aaaa && !hasV4)
        {
            yield return aliasRecord with { Type = RecordType.A };
        }

        if ((aliasMode == RecordType.Aaaa || (aliasMode != RecordType.A && (settings.AaaaAlias == AaaaAlias.Always || alias.DualStack))) && !hasV6)
        {
            yield return aliasRecord with { Type = RecordType.Aaaa };
        }
    }

    private static bool IsIp(string text, AddressFamily family) => IPAddress.TryParse(text, out var ip) && ip.AddressFamily == family;

    private static List<string> Split(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static bool TryParseTtl(string text, out long ttl)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ttl))
        {
            return ttl is >= 1 and <= int.MaxValue;
        }

        ttl = GoDuration.TryParse(text, out var duration) ? (long)duration.TotalSeconds : 0;
        return ttl is >= 1 and <= int.MaxValue;
    }
}

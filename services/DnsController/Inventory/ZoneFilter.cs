using System.Text.RegularExpressions;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Inventory;

/// <summary>
/// Which zones and names the controller may touch, as external-dns decides it (endpoint/domain_filter.go, provider/aws
/// zones()): --domain-filter and --exclude-domains (a name matches a domain when it is the domain or lies under it; a
/// domain written with a leading dot matches only names under it), or instead --regex-domain-filter and
/// --regex-domain-exclusion when either is set; --zone-id-filter, --aws-zone-type; a zone is selected when its own name
/// matches, or with --aws-zone-match-parent when it is the parent of a filtered domain. The same test decides which
/// desired records are published and which existing records are considered at all: a record outside it is never
/// changed, whoever owns it.
/// </summary>
public sealed record ZoneFilter(
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> ExcludedDomains,
    IReadOnlyList<string> ZoneIds,
    string ZoneType)
{
    public static ZoneFilter Everything { get; } = new([], [], [], string.Empty);

    public Regex? DomainRegex { get; init; }

    public Regex? ExclusionRegex { get; init; }

    public bool MatchParent { get; init; }

    public static ZoneFilter Create(IEnumerable<string> domains, IEnumerable<string> excluded, IEnumerable<string> zoneIds, string zoneType) =>
        new([.. Prepare(domains)], [.. Prepare(excluded)], [.. zoneIds.Select(AwsIntegrations.Aws.Route53Client.Bare)], zoneType);

    public static ZoneFilter From(DnsControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create(options.DomainFilter, options.ExcludeDomains, options.ZoneIdFilter, options.AwsZoneType) with
        {
            DomainRegex = Compile(options.RegexDomainFilter),
            ExclusionRegex = Compile(options.RegexDomainExclusion),
            MatchParent = options.AwsZoneMatchParent,
        };
    }

    /// <summary>A --regex-domain-filter/--regex-domain-exclusion value as a regex, or null when empty; throws ArgumentException when invalid.</summary>
    public static Regex? Compile(string? pattern) =>
        string.IsNullOrEmpty(pattern) ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public bool Accepts(Zone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (ZoneIds.Count == 0 || ZoneIds.Contains(zone.Id))
            && (ZoneType.Length == 0 || zone.Private == (ZoneType == "private"))
            && (Accepts(zone.Name) || (MatchParent && IsParentOfAFilteredDomain(zone.Name)));
    }

    /// <summary>A name is managed when the domain filter (or its regex form) accepts it and no exclusion does.</summary>
    public bool Accepts(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = DnsNames.Normalize(name);
        if (DomainRegex is not null || ExclusionRegex is not null)
        {
            return !(ExclusionRegex?.IsMatch(normalized) ?? false) && (DomainRegex?.IsMatch(normalized) ?? true);
        }

        return (Domains.Count == 0 || Matches(Domains, normalized)) && !Matches(ExcludedDomains, normalized);
    }

    private bool IsParentOfAFilteredDomain(string zoneName) =>
        !Matches(ExcludedDomains, zoneName)
        && (Domains.Count == 0 || Domains.Any(d => !d.StartsWith('.') && d.EndsWith("." + zoneName, StringComparison.Ordinal)));

    private static bool Matches(IReadOnlyList<string> domains, string name) =>
        domains.Any(d => d.StartsWith('.') ? name.EndsWith(d, StringComparison.Ordinal) : DnsNames.IsUnder(name, d));

    private static IEnumerable<string> Prepare(IEnumerable<string> domains) =>
        domains.Select(DnsNames.Normalize).Where(d => d.Length > 0 && d != ".");
}

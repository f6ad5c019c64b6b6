using AwsIntegrations.Aws;
using static AwsIntegrations.DnsController.Tests.Compatibility.CompatibilityCase;
using static AwsIntegrations.DnsController.Tests.Compatibility.ExternalDnsRecords;

namespace AwsIntegrations.DnsController.Tests.Compatibility;

/// <summary>
/// The compatibility suite: zones seeded as external-dns (kubernetes-sigs/external-dns, the tags named in each case)
/// writes them, and what DnsController, given the same flags, must leave behind. Paths are in the external-dns repository.
/// </summary>
internal static class ExternalDnsCases
{
    private const string Owner = "cluster-a";
    private const string Web = "ingress/default/web";

    /// <summary>What a user switching over passes: external-dns' --source, --txt-owner-id and (required since v0.22) --policy.</summary>
    private static readonly string[] Common = ["--source=ingress", "--source=service", "--txt-owner-id=" + Owner, "--policy=sync"];

    public static IReadOnlyList<CompatibilityCase> All { get; } = Build();

    public static CompatibilityCase Named(string name) => All.Single(c => c.Name == name);

    private static SeededZone Zone(params Route53RecordSet[] records) => new(ZoneId, "example.com", records);

    private static IReadOnlyDictionary<string, IReadOnlyList<Route53RecordSet>> After(params Route53RecordSet[] records) =>
        new Dictionary<string, IReadOnlyList<Route53RecordSet>> { [ZoneId] = records };

    private static Route53RecordSet[] Concat(params IEnumerable<Route53RecordSet>[] parts) => [.. parts.SelectMany(p => p)];

    private static List<CompatibilityCase> Build()
    {
        var cases = new List<CompatibilityCase>
        {
            // v0.22.0 provider/aws/aws.go AdjustEndpoints: an ELB hostname becomes an A ALIAS and a copy as AAAA ALIAS;
            // registry/txt/registry.go generateTXTRecordWithFilter keys each TXT on the record's own type ("a-", "aaaa-"),
            // as registry_test.go TestTXTRegistryAliasARecordUsesARecordTXTPrefix expects.
            new("v0.22 zone: Ingress on an ALB (A and AAAA ALIAS, typed TXT) is adopted without a change")
            {
                Flags = Common,
                Zones = [Zone(V22Alias("www.example.com", Owner, Web))],
                Ingresses = [Ingress("web", ["www.example.com"])],
            },

            // v0.22.0 source/service.go: a LoadBalancer Service publishes the hostname annotation; its NLB hostname gets
            // the same A and AAAA ALIAS (aws.go AdjustEndpoints), to the NLB's canonical zone (aws.go canonicalHostedZones).
            new("v0.22 zone: LoadBalancer Service on an NLB with the hostname annotation is adopted without a change")
            {
                Flags = Common,
                Zones = [Zone(V22Alias("api.example.com", Owner, "service/default/api", Nlb, NlbZone))],
                Services = [LoadBalancerService("api", "api.example.com", lbHostname: Nlb)],
            },

            // v0.22.0 aws.go newChange: a plain record takes the ttl annotation; the TXT endpoint has no TTL, so defaultTTL 300.
            new("v0.22 zone: LoadBalancer Service on an IP with ttl 60 (A at 60, TXT at 300) is adopted without a change")
            {
                Flags = Common,
                Zones = [Zone(A("api.example.com", "192.0.2.10", ttl: 60), Owned("a-api.example.com", Owner, "service/default/api"))],
                Services = [LoadBalancerService("api", "api.example.com", ip: "192.0.2.10", ttl: "60")],
            },

            // v0.22.0 aws.go newChange and adjustAliasRecord (an alias ignores the ttl annotation), labels.go SerializePlain
            // (the quoted value, labels sorted), registry.go generateTXTRecordWithFilter (no TTL on the TXT: 300).
            new("empty zone: new records and their TXT records are byte for byte what external-dns writes")
            {
                Flags = Common,
                Zones = [Zone()],
                Ingresses = [Ingress("web", ["www.example.com"], annotations: new() { ["external-dns.alpha.kubernetes.io/ttl"] = "60" })],
                Services = [LoadBalancerService("api", "api.example.com", ip: "192.0.2.10", ttl: "60")],
                After = After(Concat(V22Alias("www.example.com", Owner, Web), [A("api.example.com", "192.0.2.10", ttl: 60), Owned("a-api.example.com", Owner, "service/default/api")])),
                ChangeCalls = 1,
            },

            // v0.11.0 registry/txt.go ApplyChanges: one TXT at the record's own name (toTXTName), and AWS made only the A
            // ALIAS. v0.22.0 registry.go Records reads it (key without record type, not for AAAA) and sets
            // txt/force-update because the typed TXT is missing (registry_test.go testTXTRegistryMissingRecordsNoPrefix,
            // TestTXTRecordMigration): the typed TXT is added, the old one kept; plan.go creates the missing AAAA ALIAS.
            new("v0.11 zone (same-name TXT): adopted, typed TXT records added beside the old ones, the AAAA ALIAS created")
            {
                Flags = Common,
                Zones = [Zone(
                    AliasA("www.example.com"), Owned("www.example.com", Owner, Web),
                    A("api.example.com", "192.0.2.10"), Owned("api.example.com", Owner, "service/default/api"))],
                Ingresses = [Ingress("web", ["www.example.com"])],
                Services = [LoadBalancerService("api", "api.example.com", ip: "192.0.2.10")],
                After = After(
                    AliasA("www.example.com"), Owned("www.example.com", Owner, Web), Owned("a-www.example.com", Owner, Web),
                    AliasAaaa("www.example.com"), Owned("aaaa-www.example.com", Owner, Web),
                    A("api.example.com", "192.0.2.10"), Owned("api.example.com", Owner, "service/default/api"), Owned("a-api.example.com", Owner, "service/default/api")),
                ChangeCalls = 1,
            },

            // v0.11.0 registry/txt.go affixNameMapper.toTXTName: <prefix><name>; v0.22.0 registry/mapper/mapper.go
            // dropAffixExtractType reads it back as the old format (registry_test.go testTXTRegistryMissingRecordsWithPrefix).
            // A CNAME needed the prefix then: a TXT cannot share a name with it (external-dns #262).
            new("v0.11 zone with --txt-prefix: old-format TXT <prefix><name> is ownership and gets <prefix><type>-<name> beside it")
            {
                Flags = [.. Common, "--txt-prefix=pre-"],
                Zones = [Zone(
                    AliasA("www.example.com"), Owned("pre-www.example.com", Owner, Web),
                    Cname("docs.example.com", "docs.example.net"), Owned("pre-docs.example.com", Owner, "ingress/default/docs"))],
                Ingresses = [Ingress("web", ["www.example.com"]), Ingress("docs", ["docs.example.com"], lb: "docs.example.net")],
                After = After(
                    AliasA("www.example.com"), Owned("pre-www.example.com", Owner, Web), Owned("pre-a-www.example.com", Owner, Web),
                    AliasAaaa("www.example.com"), Owned("pre-aaaa-www.example.com", Owner, Web),
                    Cname("docs.example.com", "docs.example.net"), Owned("pre-docs.example.com", Owner, "ingress/default/docs"), Owned("pre-cname-docs.example.com", Owner, "ingress/default/docs")),
                ChangeCalls = 1,
            },

            // v0.11.0 registry/txt.go toTXTName: the suffix goes after the first label; v0.22.0 mapper.go ToEndpointName
            // (isSuffix) reads www-suf.example.com back as www.example.com without a type.
            new("v0.11 zone with --txt-suffix: old-format TXT <name><suffix> is ownership and gets <type>-<name><suffix> beside it")
            {
                Flags = [.. Common, "--txt-suffix=-suf"],
                Zones = [Zone(AliasA("www.example.com"), Owned("www-suf.example.com", Owner, Web))],
                Ingresses = [Ingress("web", ["www.example.com"])],
                After = After(
                    AliasA("www.example.com"), Owned("www-suf.example.com", Owner, Web), Owned("a-www-suf.example.com", Owner, Web),
                    AliasAaaa("www.example.com"), Owned("aaaa-www-suf.example.com", Owner, Web)),
                ChangeCalls = 1,
            },

            // v0.13.6 registry/txt.go generateTXTRecord: both formats, the typed one keyed on the record type ("a-" for the
            // A ALIAS); no AAAA ALIAS yet (AWS AAAA aliases came in v0.16). v0.22 only adds the AAAA ALIAS and its TXT.
            new("v0.13 zone (both formats, a- for the ALIAS): adopted, only the AAAA ALIAS and its TXT added")
            {
                Flags = Common,
                Zones = [Zone(AliasA("www.example.com"), Owned("www.example.com", Owner, Web), Owned("a-www.example.com", Owner, Web))],
                Ingresses = [Ingress("web", ["www.example.com"])],
                After = After(
                    AliasA("www.example.com"), Owned("www.example.com", Owner, Web), Owned("a-www.example.com", Owner, Web),
                    AliasAaaa("www.example.com"), Owned("aaaa-www.example.com", Owner, Web)),
                ChangeCalls = 1,
            },

            // v0.17.0 registry/txt.go generateTXTRecord: the old format beside the typed one, and "AWS Alias records are
            // encoded as type cname"; v0.17.0 aws.go AdjustEndpoints adds the AAAA ALIAS ("aaaa-", no old format for AAAA).
            // v0.22.0 registry.go falls back to the cname- TXT for an A ALIAS and adds "a-"
            // (registry_test.go TestTXTRegistryAliasARecordForceUpdateOnMigration).
            new("v0.17 zone (both formats, cname- for the A ALIAS): adopted, the a- TXT added, every older TXT kept")
            {
                Flags = Common,
                Zones = [Zone(
                    AliasA("www.example.com"), Owned("www.example.com", Owner, Web), Owned("cname-www.example.com", Owner, Web),
                    AliasAaaa("www.example.com"), Owned("aaaa-www.example.com", Owner, Web))],
                Ingresses = [Ingress("web", ["www.example.com"])],
                After = After(
                    AliasA("www.example.com"), Owned("www.example.com", Owner, Web), Owned("cname-www.example.com", Owner, Web), Owned("a-www.example.com", Owner, Web),
                    AliasAaaa("www.example.com"), Owned("aaaa-www.example.com", Owner, Web)),
                ChangeCalls = 1,
            },

            // v0.17.0 registry/txt.go: toTXTName keeps the prefix for the old format, toNewTXTName puts the type after it.
            new("v0.17 zone with --txt-prefix: adopted, <prefix>a- added beside <prefix><name> and <prefix>cname-")
            {
                Flags = [.. Common, "--txt-prefix=pre-"],
                Zones = [Zone(
                    AliasA("www.example.com"), Owned("pre-www.example.com", Owner, Web), Owned("pre-cname-www.example.com", Owner, Web),
                    AliasAaaa("www.example.com"), Owned("pre-aaaa-www.example.com", Owner, Web))],
                Ingresses = [Ingress("web", ["www.example.com"])],
                After = After(
                    AliasA("www.example.com"), Owned("pre-www.example.com", Owner, Web), Owned("pre-cname-www.example.com", Owner, Web), Owned("pre-a-www.example.com", Owner, Web),
                    AliasAaaa("www.example.com"), Owned("pre-aaaa-www.example.com", Owner, Web)),
                ChangeCalls = 1,
            },

            // v0.22.0 plan/plan.go appendTakenDNSNameChanges (creates only where every current record is ours) and
            // calculateChanges (updates and deletes filtered by owner id, endpoint.FilterEndpointsByOwnerID).
            new("another owner's records are never changed, wanted or not")
            {
                Flags = Common,
                Zones = [Zone(Concat(V22Alias("www.example.com", "cluster-b", Web), V22Alias("old.example.com", "cluster-b", "ingress/default/old")))],
                Ingresses = [Ingress("web", ["www.example.com"], lb: Alb2)],
            },

            // v0.22.0 registry.go Records: a TXT without heritage=external-dns is ErrInvalidHeritage, a record without a
            // TXT has no owner; plan.go never updates or deletes them, and creates nothing at their names.
            new("unmanaged records are never changed, wanted or not")
            {
                Flags = Common,
                Zones = [Zone(
                    A("manual.example.com", "198.51.100.7"), Cname("legacy.example.com", "legacy.example.net", ttl: 60),
                    new Route53RecordSet("example.com.", "MX") { Ttl = 300, Values = ["10 mail.example.com"] },
                    Txt("example.com", "\"v=spf1 include:_spf.example.com ~all\""),
                    Txt("a-manual.example.com", "\"google-site-verification=abc\""))],
                Ingresses = [Ingress("web", ["manual.example.com", "legacy.example.com"])],
            },

            // v0.17.0 registry/txt.go ApplyChanges: a delete takes both TXT formats with it (generateTXTRecord). v0.22 deletes
            // only the typed one and leaves the old ones behind; DnsController removes every format that named the record.
            new("deletion under sync removes the record and every TXT format that names it")
            {
                Flags = Common,
                Zones = [Zone(
                    AliasA("old.example.com"), Owned("old.example.com", Owner, "ingress/default/old"), Owned("cname-old.example.com", Owner, "ingress/default/old"),
                    AliasAaaa("old.example.com"), Owned("aaaa-old.example.com", Owner, "ingress/default/old"),
                    A("gone.example.com", "192.0.2.10"), Owned("gone.example.com", Owner, "service/default/gone"),
                    AliasA("www.example.com"), Owned("a-www.example.com", Owner, Web))],
                After = After(),
                ChangeCalls = 1,
            },

            // v0.22.0 plan/policy.go: upsert-only and create-only strip every delete.
            new("deletion is not done under upsert-only and create-only")
            {
                Flags = [.. Common.Where(f => !f.StartsWith("--policy", StringComparison.Ordinal)), "--policy=upsert-only"],
                Zones = [Zone(Concat(V22Alias("old.example.com", Owner, "ingress/default/old"), [A("gone.example.com", "192.0.2.10"), Owned("gone.example.com", Owner, "service/default/gone")]))],
            },

            // v0.22.0 plan/plan.go Calculate → filterRecordsForPlan: current records outside the domain filter
            // (endpoint/domain_filter.go Match: --domain-filter and --exclude-domains) never enter the plan.
            new("owned records under --exclude-domains are never changed, even when an object wants them elsewhere")
            {
                Flags = [.. Common, "--domain-filter=example.com", "--exclude-domains=internal.example.com"],
                Zones = [Zone(Concat(
                    V22Alias("www.example.com", Owner, Web),
                    V22Alias("db.internal.example.com", Owner, "ingress/default/db"),
                    V22Alias("old.internal.example.com", Owner, "ingress/default/old")))],
                Ingresses = [Ingress("web", ["www.example.com"]), Ingress("db", ["db.internal.example.com"], lb: Alb2)],
            },

            // v0.22.0 provider/aws/aws.go zones(): with --aws-zone-match-parent the parent zone of --domain-filter is used;
            // plan.go filterRecordsForPlan still keeps every record outside the filter out of the plan.
            new("owned records outside --domain-filter in a parent zone (--aws-zone-match-parent) are never changed")
            {
                Flags = [.. Common, "--domain-filter=dev.example.com", "--aws-zone-match-parent"],
                Zones = [Zone(Concat(V22Alias("www.example.com", Owner, Web), V22Alias("old.example.com", Owner, "ingress/default/old")))],
                Ingresses = [Ingress("web", ["www.example.com"], lb: Alb2), Ingress("api", ["api.dev.example.com"])],
                After = After(Concat(V22Alias("www.example.com", Owner, Web), V22Alias("old.example.com", Owner, "ingress/default/old"), V22Alias("api.dev.example.com", Owner, "ingress/default/api"))),
                ChangeCalls = 1,
            },

            // v0.22.0 endpoint/domain_filter.go matchRegex: the regex filters replace --domain-filter/--exclude-domains,
            // for zones (aws.go zones(): the zone's own name must match) as for records.
            new("owned records matching --regex-domain-exclusion are never changed")
            {
                Flags = [.. Common, @"--regex-domain-filter=example\.com$", @"--regex-domain-exclusion=^old\."],
                Zones = [Zone(Concat(V22Alias("old.example.com", Owner, "ingress/default/old")))],
                Ingresses = [Ingress("api", ["api.example.com"])],
                After = After(Concat(V22Alias("old.example.com", Owner, "ingress/default/old"), V22Alias("api.example.com", Owner, "ingress/default/api"))),
                ChangeCalls = 1,
            },

            // v0.22.0 provider/aws/aws.go zones(): --zone-id-filter leaves other zones out entirely.
            new("owned records in a zone outside --zone-id-filter are never changed")
            {
                Flags = [.. Common, "--zone-id-filter=" + ZoneId],
                Zones = [Zone(V22Alias("www.example.com", Owner, Web)), new SeededZone("ZEXAMPLEORG00002", "example.org", V22Alias("old.example.org", Owner, "ingress/default/old"))],
                Ingresses = [Ingress("web", ["www.example.com", "www.example.org"])],
            },

            // v0.22.0 aws.go records()/newChange: SetIdentifier and Weight (aws-weight) on each record; registry.go
            // generateTXTRecordWithFilter: the TXT copies the set identifier and provider properties (so the weight).
            new("weighted records with set identifiers are adopted without a change")
            {
                Flags = Common,
                Zones = [Zone(
                    AliasA("www.example.com").Weighted("blue", 10), Owned("a-www.example.com", Owner, "ingress/default/blue").Weighted("blue", 10),
                    AliasAaaa("www.example.com").Weighted("blue", 10), Owned("aaaa-www.example.com", Owner, "ingress/default/blue").Weighted("blue", 10),
                    AliasA("www.example.com", Alb2).Weighted("green", 90), Owned("a-www.example.com", Owner, "ingress/default/green").Weighted("green", 90),
                    AliasAaaa("www.example.com", Alb2).Weighted("green", 90), Owned("aaaa-www.example.com", Owner, "ingress/default/green").Weighted("green", 90))],
                Ingresses =
                [
                    Ingress("blue", ["www.example.com"], annotations: new() { ["external-dns.alpha.kubernetes.io/set-identifier"] = "blue", ["external-dns.alpha.kubernetes.io/aws-weight"] = "10" }),
                    Ingress("green", ["www.example.com"], lb: Alb2, annotations: new() { ["external-dns.alpha.kubernetes.io/set-identifier"] = "green", ["external-dns.alpha.kubernetes.io/aws-weight"] = "90" }),
                ],
            },

            // v0.22.0 source/ingress.go endpointsFromIngress: spec.tls hosts are published unless --ignore-ingress-tls-spec
            // (source/ingress_test.go "ignore tls section" and its default counterpart).
            new("TLS hosts: a zone with records for spec.tls hosts is adopted without a change")
            {
                Flags = Common,
                Zones = [Zone(Concat(V22Alias("www.example.com", Owner, Web), V22Alias("secure.example.com", Owner, Web)))],
                Ingresses = [Ingress("web", ["www.example.com"], tlsHosts: ["www.example.com", "secure.example.com"])],
            },

            new("TLS hosts: --ignore-ingress-tls-spec publishes only the rule hosts")
            {
                Flags = [.. Common, "--ignore-ingress-tls-spec"],
                Zones = [Zone()],
                Ingresses = [Ingress("web", ["www.example.com"], tlsHosts: ["www.example.com", "secure.example.com"])],
                After = After(V22Alias("www.example.com", Owner, Web)),
                ChangeCalls = 1,
            },

            // v0.22.0 plan/conflict.go ResolveUpdate: the candidate whose resource label matches the current owner keeps the
            // name, although ResolveCreate would pick the other (its target sorts first).
            new("two objects want one name: the TXT's resource label decides")
            {
                Flags = Common,
                Zones = [Zone(V22Alias("www.example.com", Owner, "ingress/default/b", Alb2))],
                Ingresses = [Ingress("a", ["www.example.com"]), Ingress("b", ["www.example.com"], lb: Alb2)],
            },

            // v0.22.0 source/ingress.go filterByIngressClass: without --ingress-class every class is published.
            new("Ingresses of every class are published without --ingress-class")
            {
                Flags = Common,
                Zones = [Zone()],
                Ingresses = [Ingress("web", ["www.example.com"], className: "nginx")],
                After = After(V22Alias("www.example.com", Owner, Web)),
                ChangeCalls = 1,
            },

            new("--ingress-class keeps Ingresses of other classes out")
            {
                Flags = [.. Common, "--ingress-class=aws-integrations"],
                Zones = [Zone()],
                Ingresses = [Ingress("web", ["www.example.com"], className: "nginx"), Ingress("app", ["app.example.com"], annotations: new() { ["kubernetes.io/ingress.class"] = "aws-integrations" })],
                After = After(V22Alias("app.example.com", Owner, "ingress/default/app")),
                ChangeCalls = 1,
            },

            // v0.22.0 provider/aws/aws.go useAlias/adjustCNAMERecordAndNewAaaaIfNeeded: with --aws-prefer-cname the load
            // balancer hostname stays a CNAME, owned through "cname-".
            new("--aws-prefer-cname: a CNAME to the load balancer, with its cname- TXT")
            {
                Flags = [.. Common, "--aws-prefer-cname"],
                Zones = [Zone()],
                Ingresses = [Ingress("web", ["www.example.com"])],
                After = After(Cname("www.example.com", Alb), Owned("cname-www.example.com", Owner, Web)),
                ChangeCalls = 1,
            },

            // v0.22.0 source/annotations/processors.go IsControllerMismatch: an object another controller claims is skipped,
            // so its owned records go under sync like those of a deleted object.
            new("objects whose controller annotation names another controller are not published")
            {
                Flags = Common,
                Zones = [Zone(V22Alias("www.example.com", Owner, Web))],
                Ingresses = [Ingress("web", ["www.example.com"], annotations: new() { ["external-dns.alpha.kubernetes.io/controller"] = "other" }), Ingress("app", ["app.example.com"], annotations: new() { ["external-dns.alpha.kubernetes.io/controller"] = "dns-controller" })],
                After = After(V22Alias("app.example.com", Owner, "ingress/default/app")),
                ChangeCalls = 1,
            },

            // Not external-dns' behaviour: its endpoint/labels.go NewLabelsFromStringPlain trims the quotes and keeps
            // unknown keys, so it would take some of these as ownership. DnsController reads them as nobody's.
            new("malformed TXT owner records are read without failing and treated as not ours")
            {
                Flags = Common,
                Zones = [Zone(Malformed())],
                Ingresses = [Ingress("web", ["bad1.example.com", "bad2.example.com", "bad3.example.com", "good.example.com"], lb: Alb2)],
                After = After(Concat(Malformed(), V22Alias("good.example.com", Owner, Web, Alb2))),
                ChangeCalls = 1,
            },
        };

        var everyPolicy = cases.Where(c => c.Name.StartsWith("owned records under --exclude-domains", StringComparison.Ordinal)
            || c.Name.StartsWith("owned records outside --domain-filter", StringComparison.Ordinal)
            || c.Name.StartsWith("another owner's", StringComparison.Ordinal)).ToList();
        cases.AddRange(new[] { "upsert-only", "create-only" }.SelectMany(policy => everyPolicy.Select(c => c.WithPolicy(policy))));
        cases.Add(cases.Single(c => c.Name.StartsWith("deletion is not done", StringComparison.Ordinal)).WithPolicy("create-only"));
        return cases;
    }

    private static Route53RecordSet[] Malformed()
    {
        var resource = "ingress/default/" + new string('w', 240);
        var long255 = $"heritage=external-dns,external-dns/owner={Owner},external-dns/resource={resource}";
        return
        [
            AliasA("bad1.example.com"), Txt("a-bad1.example.com", $"\"heritage=external-dns,external-dns/owner={Owner},external-dns/resource={Web}"),
            AliasA("bad2.example.com"), Txt("a-bad2.example.com", $"\"heritage=external-dns,external-dns/owner={Owner},external-dns/resource={Web},external-dns/team=web\""),
            AliasA("bad3.example.com"), Txt("a-bad3.example.com", $"\"{long255[..255]}\" \"{long255[255..]}\""),
        ];
    }
}

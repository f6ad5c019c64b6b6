using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Apply;
using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Planning;
using AwsIntegrations.DnsController.Registry;
using AwsIntegrations.DnsController.Sources;
using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.DnsController.Tests.Compatibility;

/// <summary>
/// A case through the pure parts only, as one full pass of the reconciler runs them: the flags bound as the service binds
/// them, the objects selected and built, the desired records routed, each zone planned, batched and applied with Route 53's
/// rules. Load balancers of the case answer as DescribeLoadBalancers would.
/// </summary>
internal static class PlannerRun
{
    public static (IReadOnlyDictionary<string, IReadOnlyList<string>> Zones, int ChangeCalls, IReadOnlyList<SourceProblem> Problems) Run(CompatibilityCase @case)
    {
        var options = FlagBinder.Bind<DnsControllerOptions>(@case.Flags, _ => null);
        var filter = ZoneFilter.From(options);
        var sources = SourceObjects.Select(SourceSettings.From(options),
            options.Sources.Contains("ingress") ? @case.Ingresses : [], options.Sources.Contains("service") ? @case.Services : []);
        var zones = @case.Zones.Select(z => new Zone(z.Id, DnsNames.Normalize(z.Name), z.Private)).Where(filter.Accepts).ToList();
        var desired = DesiredState.Build(sources, zones, filter, RecordSettings.From(options), host => AliasFor(@case, host));
        var settings = new PlanSettings(options.TxtOwnerId, options.Policy, TxtNameMapper.From(options)) { Scope = filter };
        var records = @case.Zones.ToDictionary(z => z.Id, z => z.Records.ToList());
        var problems = desired.Problems.ToList();
        var calls = 0;
        foreach (var zone in zones)
        {
            var plan = Planner.Plan(zone, records[zone.Id], desired.For(zone.Id), settings);
            problems.AddRange(plan.Problems);
            var (batches, tooLarge) = Batcher.Pack(plan.Groups);
            if (tooLarge.Count > 0)
            {
                throw new InvalidOperationException($"groups over Route 53's limits: {string.Join("; ", tooLarge)}");
            }

            foreach (var batch in batches)
            {
                calls++;
                Route53Semantics.Apply(records[zone.Id], batch.SelectMany(g => g.Changes));
            }
        }

        return (records.ToDictionary(z => z.Key, z => ZoneText.Lines(z.Value)), calls, problems);
    }

    private static AliasTarget? AliasFor(CompatibilityCase @case, string host)
    {
        var lb = @case.LoadBalancers.Concat(ExternalDnsRecords.LoadBalancers).FirstOrDefault(l => string.Equals(l.DnsName, host, StringComparison.OrdinalIgnoreCase));
        return lb is not null
            ? new AliasTarget(lb.CanonicalHostedZoneId, lb.IpAddressType.StartsWith("dualstack", StringComparison.Ordinal))
            : CanonicalHostedZones.For(host) is { } zoneId ? new AliasTarget(zoneId, false) : null;
    }
}

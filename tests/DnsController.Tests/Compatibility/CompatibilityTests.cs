namespace AwsIntegrations.DnsController.Tests.Compatibility;

/// <summary>The compatibility suite (see <see cref="ExternalDnsCases"/>) through the pure planner.</summary>
public sealed class CompatibilityTests
{
    public static TheoryData<string> Cases => new(ExternalDnsCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Planner_LeavesTheZoneAsExpected(string name)
    {
        var @case = ExternalDnsCases.Named(name);

        var (zones, calls, problems) = PlannerRun.Run(@case);

        foreach (var zone in @case.Zones)
        {
            zones[zone.Id].Should().Equal(Expected(@case, zone.Id), $"zone {zone.Name} after the plan (problems: {string.Join("; ", problems.Select(p => p.Message))})");
        }

        calls.Should().Be(@case.ChangeCalls, "ChangeResourceRecordSets calls");
    }

    public static IReadOnlyList<string> Expected(CompatibilityCase @case, string zoneId) =>
        ZoneText.Lines(@case.After.TryGetValue(zoneId, out var after) ? after : @case.Zones.Single(z => z.Id == zoneId).Records);
}

using AwsIntegrations.DnsController.Tests.Compatibility;

namespace AwsIntegrations.DnsController.Tests.EndToEnd;

/// <summary>The compatibility suite (see <see cref="ExternalDnsCases"/>) end to end: a DnsController process against the AWS emulator.</summary>
public sealed class CompatibilityProcessTests
{
    public static TheoryData<string> Cases => CompatibilityTests.Cases;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Process_LeavesTheZoneAsExpected(string name)
    {
        var @case = ExternalDnsCases.Named(name);

        var (zones, calls) = await ProcessRun.RunAsync(@case);

        foreach (var zone in @case.Zones)
        {
            zones[zone.Id].Should().Equal(CompatibilityTests.Expected(@case, zone.Id), $"zone {zone.Name} in Route 53 afterwards");
        }

        calls.Should().Be(@case.ChangeCalls, "ChangeResourceRecordSets calls");
    }
}

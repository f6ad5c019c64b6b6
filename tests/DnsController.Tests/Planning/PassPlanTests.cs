using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Planning;
using AwsIntegrations.DnsController.Sources;
using static AwsIntegrations.DnsController.Tests.Planning.Records;

namespace AwsIntegrations.DnsController.Tests.Planning;

public class PassPlanTests
{
    private static readonly Zone Com = new("ZCOM", "example.com", Private: false);
    private static readonly Zone Org = new("ZORG", "example.org", Private: false);

    private static DesiredState Desired(params DesiredRecord[] records) =>
        DesiredState.Route([new BuiltSource("ingress/default/web", "1", 0, records, [new SourceProblem("ingress/default/web", "InvalidAnnotation", "bad ttl")])], [Com, Org], ZoneFilter.Everything);

    [Fact]
    public void For_EveryReadableZone_IsPlannedAgainstItsRecords()
    {
        var records = new Dictionary<string, IReadOnlyList<Route53RecordSet>> { ["ZCOM"] = Owned(A("www.example.com", "192.0.2.10")), ["ZORG"] = [] };

        var plan = PassPlan.For(Desired(WantA("www.example.com"), WantA("www.example.org")), [Com, Org], new Dictionary<string, string>(), id => records[id], Settings());

        plan.Zones.Select(z => z.Zone.Id).Should().Equal("ZCOM", "ZORG");
        plan.Zones[0].Plan.Groups.Should().BeEmpty("the record is already as wanted");
        plan.Zones[1].Plan.Groups.SelectMany(g => g.Changes).Select(c => $"{c.Action} {c.RecordSet.Type} {c.RecordSet.Name}")
            .Should().Equal("CREATE A www.example.org.", "CREATE TXT a-www.example.org.");
        plan.Problems.Should().Equal(new SourceProblem("ingress/default/web", "InvalidAnnotation", "bad ttl"));
    }

    [Fact]
    public void For_ZoneRouteFiftyThreeRefusedToList_IsNotPlanned_AndItsObjectsGetZoneUnreadable()
    {
        var asked = new List<string>();
        var unreadable = new Dictionary<string, string> { ["ZORG"] = "AccessDenied: not authorized" };

        var plan = PassPlan.For(Desired(WantA("www.example.com"), WantA("www.example.org")), [Com, Org], unreadable, id => { asked.Add(id); return []; }, Settings());

        asked.Should().Equal("ZCOM");
        plan.Zones.Should().ContainSingle().Which.Zone.Should().Be(Com);
        plan.Problems.Should().Equal(
            new SourceProblem("ingress/default/web", "InvalidAnnotation", "bad ttl"),
            new SourceProblem("ingress/default/web", "ZoneUnreadable", "Route 53 refused to list zone example.org (ZORG), so its records are left as they are: AccessDenied: not authorized"));
    }
}

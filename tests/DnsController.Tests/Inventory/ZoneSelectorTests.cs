using AwsIntegrations.DnsController.Inventory;

namespace AwsIntegrations.DnsController.Tests.Inventory;

public class ZoneSelectorTests
{
    private static readonly Zone Parent = new("Z1", "example.com", false);
    private static readonly Zone Child = new("Z2", "dev.example.com", false);
    private static readonly Zone PrivateParent = new("Z3", "example.com", true);
    private static readonly Zone PrivateChild = new("Z4", "internal.dev.example.com", true);
    private static readonly Zone Other = new("Z5", "example.org", false);

    [Fact]
    public void ZonesFor_GoesToTheLongestPublicSuffixAndEveryMatchingPrivateZone()
    {
        ZoneSelector.ZonesFor("api.dev.example.com", [Parent, Child, PrivateParent, PrivateChild, Other])
            .Select(z => z.Id).Should().Equal("Z2", "Z3");
    }

    [Fact]
    public void ZonesFor_NestedPrivateZones_GetsBoth()
    {
        ZoneSelector.ZonesFor("db.internal.dev.example.com", [PrivateParent, PrivateChild]).Select(z => z.Id).Should().Equal("Z3", "Z4");
    }

    [Fact]
    public void ZonesFor_NoMatch_IsEmpty()
    {
        ZoneSelector.ZonesFor("www.example.net", [Parent, Other]).Should().BeEmpty();
        ZoneSelector.ZonesFor("notexample.com", [Parent]).Should().BeEmpty();
    }

    [Fact]
    public void Filter_DomainsExcludesIdsAndType()
    {
        var filter = ZoneFilter.Create(["example.com"], ["internal.dev.example.com"], [], "public");

        new[] { Parent, Child, PrivateParent, PrivateChild, Other }.Where(filter.Accepts).Select(z => z.Id).Should().Equal("Z1", "Z2");
        ZoneFilter.Create(["dev.example.com"], [], [], "").Accepts(Parent).Should().BeFalse("a parent zone is selected only with --aws-zone-match-parent");
        filter.Accepts("www.example.com").Should().BeTrue();
        filter.Accepts("x.internal.dev.example.com").Should().BeFalse();
        filter.Accepts("www.example.org").Should().BeFalse();
        ZoneFilter.Create([], [], ["/hostedzone/Z5"], "").Accepts(Other).Should().BeTrue();
        ZoneFilter.Create([], [], ["Z5"], "").Accepts(Parent).Should().BeFalse();
    }
}

namespace AwsIntegrations.DnsController.Tests.Integration;

/// <summary>
/// One zone Route 53 refuses to list (its IAM policy does not cover it, or it was deleted since it was listed) affects only
/// the names in that zone: the other zones are read and written in the same pass, the objects whose names lie there get
/// an Event saying why, nothing is written to the refused zone, and it is asked again once per --interval.
/// </summary>
public sealed class ZoneIsolationTests : IAsyncLifetime
{
    private DnsWorld _world = null!;
    private string _open = null!;
    private string _refused = null!;
    private string _alb = null!;

    public async Task InitializeAsync()
    {
        _world = await DnsWorld.StartAsync(o => o.Interval = TimeSpan.Zero);
        _open = await _world.CreateZoneAsync("example.com");
        _refused = await _world.CreateZoneAsync("example.org");
        _alb = (await _world.CreateAlbAsync("web")).DnsName;
        _world.Aws.Calls.Clear();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task ZoneListingAccessDenied_TheOtherZoneConverges_TheObjectsInTheRefusedZoneGetAnEvent()
    {
        // What Route 53 answers when the role's policy names only example.com's zone (see the DNS controller's IAM policy).
        _world.Aws.Faults.FailWith("route53", "ListResourceRecordSets", "AccessDenied", 403, pathContains: _refused);
        await _world.ApplyIngressAsync("shop", ["shop.example.com"], _alb);
        await _world.ApplyIngressAsync("blog", ["blog.example.org"], _alb);

        var first = await _world.PassAsync();

        first.Succeeded.Should().BeTrue("a refused zone is not a failed pass");
        _world.Records(_open).Should().Contain($"A shop.example.com. alias {_alb}.");
        _world.Records(_refused).Should().BeEmpty();
        var events = await _world.EventsAsync();
        events.Should().ContainSingle(e => (string?)e["reason"] == "ZoneUnreadable")
            .Which["involvedObject"]!["name"]!.GetValue<string>().Should().Be("blog");
        events.Single(e => (string?)e["reason"] == "ZoneUnreadable")["message"]!.GetValue<string>().Should().Contain("example.org").And.Contain("AccessDenied");

        // The policy is fixed: the zone is asked again on the next --interval and the record lands.
        _world.Aws.Faults.Clear();
        var second = await _world.PassAsync();

        second.Succeeded.Should().BeTrue();
        _world.Records(_refused).Should().Contain($"A blog.example.org. alias {_alb}.");
        _world.Calls("ListResourceRecordSets").Should().Be(3, "both zones once, then the refused zone again");
    }

    [Fact]
    public async Task ThrottlingOnOneZone_StillFailsThePass_AndIsRetried()
    {
        // Not a refusal: throttling and server errors are transient, so the pass fails and the next one reads everything again.
        _world.Aws.Faults.FailWith("route53", "ListResourceRecordSets", "Throttling", 400, pathContains: _refused);
        await _world.ApplyIngressAsync("blog", ["blog.example.org"], _alb);

        var result = await _world.PassAsync();

        result.Succeeded.Should().BeFalse();
        (await _world.EventsAsync()).Should().NotContain(e => (string?)e["reason"] == "ZoneUnreadable");
    }
}

using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.DnsController.Tests.Integration;

/// <summary>
/// A change Route 53 refuses because the controller's view of the zone is out of date (a record created behind its back
/// makes its CREATE "already exist"): the refusal is told by its code, InvalidChangeBatch, and the zone alone is read again
/// at the next --interval, after which the plan sees the record as it is. A refusal of the request's form (InvalidInput)
/// says nothing about the zone, so it is not read again.
/// </summary>
public sealed class RefusalTests : IAsyncLifetime
{
    private DnsWorld _world = null!;
    private string _zone = null!;
    private string _alb = null!;

    public async Task InitializeAsync()
    {
        _world = await DnsWorld.StartAsync(o => o.Interval = TimeSpan.Zero);
        _zone = await _world.CreateZoneAsync("example.com");
        _alb = (await _world.CreateAlbAsync("web")).DnsName;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task RecordCreatedBehindOurBack_RefusedCreate_TheZoneIsReadAgainOnce_AndTheRecordIsLeftToItsOwner()
    {
        (await _world.PassAsync()).Succeeded.Should().BeTrue();
        _world.SeedRecords(_zone, new RecordSet("www.example.com.", "A") { Ttl = 300, Values = ["198.51.100.7"] });
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);

        (await _world.PassAsync()).Succeeded.Should().BeTrue("a refused change is reported, not a failed pass");
        var refused = (await _world.EventsAsync()).Should().ContainSingle(e => (string?)e["reason"] == "ChangeRefused").Which;
        refused["message"]!.GetValue<string>().Should().Contain("www.example.com").And.Contain("already exists");

        _world.Aws.Calls.Clear();
        (await _world.PassAsync()).Succeeded.Should().BeTrue();

        _world.Calls("ListResourceRecordSets").Should().Be(1, "the zone whose batch was refused is read again, alone");
        _world.Calls("ChangeResourceRecordSets").Should().Be(0);
        _world.Records(_zone).Should().Equal("A www.example.com. 198.51.100.7");
        (await _world.EventsAsync()).Where(e => (string?)e["reason"] == "OwnershipConflict").Select(e => (string?)e["message"])
            .Should().Contain(m => m!.Contains("www.example.com (A) is not ours", StringComparison.Ordinal));

        _world.Aws.Calls.Clear();
        await _world.PassAsync();
        _world.Calls("ListResourceRecordSets").Should().Be(0, "once read again, the zone is current");
    }

    [Theory]
    [InlineData("InvalidChangeBatch", 1)]
    [InlineData("InvalidInput", 0)]
    public async Task RefusedChange_TheCodeAloneDecidesWhetherTheZoneIsReadAgain(string code, int reads)
    {
        (await _world.PassAsync()).Succeeded.Should().BeTrue();
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);
        // The emulator's injected message ("injected fault <code>") says nothing about the zone: only the code can tell.
        _world.Aws.Faults.FailWith("route53", "ChangeResourceRecordSets", code, 400, count: 1);

        (await _world.PassAsync()).Succeeded.Should().BeTrue();
        (await _world.EventsAsync()).Should().ContainSingle(e => (string?)e["reason"] == "ChangeRefused")
            .Which["message"]!.GetValue<string>().Should().Contain("injected fault " + code);

        _world.Aws.Calls.Clear();
        await _world.PassAsync();
        _world.Calls("ListResourceRecordSets").Should().Be(reads);
        _world.Calls("ChangeResourceRecordSets").Should().Be(0, "a refused change is not sent again until the next full read");
    }
}

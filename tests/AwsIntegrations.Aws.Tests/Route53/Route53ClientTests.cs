using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Aws.Tests.Route53;

public sealed class Route53ClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestAws _aws = null!;
    private Route53Client _route53 = null!;

    public async Task InitializeAsync()
    {
        // Changes stay PENDING for a second of the manual clock; the rest is instant (throttling has its own tests).
        var behavior = AwsBehavior.Instant();
        behavior.ChangePropagation = TimeSpan.FromSeconds(1);
        _aws = await TestAws.StartAsync(emulatorTime: _time, behavior: behavior);
        _route53 = new Route53Client(_aws.Transport);
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private async Task<string> ZoneAsync(string name = "example.org") =>
        (await _route53.CreateHostedZoneAsync(new CreateHostedZoneRequest(name, Guid.NewGuid().ToString()) { Comment = "test" })).Zone.Id;

    private static Route53Change A(string action, string name, params string[] ips) =>
        new(action, new Route53RecordSet(name, "A") { Ttl = 300, Values = ips });

    [Fact]
    public async Task CreateHostedZone_PublicAndPrivate_GetAndListThem()
    {
        var created = await _route53.CreateHostedZoneAsync(new CreateHostedZoneRequest("example.org", "ref-1") { Comment = "public" });
        var privateZone = await _route53.CreateHostedZoneAsync(new CreateHostedZoneRequest("internal.example", "ref-2") { VpcId = "vpc-0a1b2c3d4e5f60001", VpcRegion = "eu-central-1" });

        var fetched = await _route53.GetHostedZoneAsync("/hostedzone/" + created.Zone.Id);
        var fetchedPrivate = await _route53.GetHostedZoneAsync(privateZone.Zone.Id);
        var all = await _route53.ListHostedZonesAsync();

        created.Zone.Name.Should().Be("example.org.");
        created.NameServers.Should().HaveCount(4);
        fetched.Zone.Comment.Should().Be("public");
        fetched.Zone.ResourceRecordSetCount.Should().Be(2, "every new zone has its SOA and NS records");
        fetchedPrivate.Zone.PrivateZone.Should().BeTrue();
        fetchedPrivate.VpcIds.Should().Equal("vpc-0a1b2c3d4e5f60001");
        all.Select(z => z.Name).Should().BeEquivalentTo(["example.org.", "internal.example."]);
        _aws.Calls.Of("route53").Should().OnlyContain(c => c.Succeeded);
    }

    [Fact]
    public async Task ListHostedZones_ManyPages_FollowsNextMarker()
    {
        for (var i = 0; i < 5; i++)
        {
            await ZoneAsync($"zone{i}.example");
        }

        var paged = new Route53Client(_aws.Transport) { MaxItems = 2 };

        (await paged.ListHostedZonesAsync()).Should().HaveCount(5);
        _aws.Calls.Count("route53", "ListHostedZones").Should().Be(3);
    }

    [Fact]
    public async Task CreateHostedZone_SameCallerReference_IsConflict()
    {
        await _route53.CreateHostedZoneAsync(new CreateHostedZoneRequest("example.org", "same"));

        var act = () => _route53.CreateHostedZoneAsync(new CreateHostedZoneRequest("example.net", "same"));

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("HostedZoneAlreadyExists");
        error.StatusCode.Should().Be(409);
    }

    [Fact]
    public async Task GetHostedZone_Unknown_IsNoSuchHostedZone404()
    {
        var act = () => _route53.GetHostedZoneAsync("ZNOTHERE");

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("NoSuchHostedZone");
        error.StatusCode.Should().Be(404);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_CreateUpsertDelete_ChangeGoesPendingThenInSync()
    {
        var zone = await ZoneAsync();

        var change = await _route53.ChangeResourceRecordSetsAsync(zone,
        [
            A("CREATE", "www.example.org", "192.0.2.1"),
            new("CREATE", new Route53RecordSet("www.example.org", "TXT") { Ttl = 300, Values = ["\"heritage=aws-integrations,owner=sandbox\""] }),
            new("CREATE", new Route53RecordSet("*.apps.example.org", "CNAME") { Ttl = 60, Values = ["www.example.org"] }),
        ], "first");
        var pending = await _route53.GetChangeAsync(change.Id);
        _time.Advance(TimeSpan.FromSeconds(2));
        var synced = await _route53.GetChangeAsync("/change/" + change.Id);
        await _route53.ChangeResourceRecordSetsAsync(zone, [A("UPSERT", "www.example.org", "192.0.2.2", "192.0.2.3")]);
        await _route53.ChangeResourceRecordSetsAsync(zone, [new("DELETE", new Route53RecordSet("*.apps.example.org.", "CNAME") { Ttl = 60, Values = ["www.example.org"] })]);
        var records = await _route53.ListResourceRecordSetsAsync(zone);

        change.Status.Should().Be("PENDING");
        change.Comment.Should().Be("first");
        pending.IsInSync.Should().BeFalse();
        synced.IsInSync.Should().BeTrue();
        records.Select(r => (r.Name, r.Type)).Should().Equal(("example.org.", "NS"), ("example.org.", "SOA"), ("www.example.org.", "A"), ("www.example.org.", "TXT"));
        records.Single(r => r.Type == "A").Values.Should().Equal("192.0.2.2", "192.0.2.3");
    }

    [Fact]
    public async Task ChangeResourceRecordSets_OneBadChange_NothingIsApplied()
    {
        var zone = await ZoneAsync();
        await _route53.ChangeResourceRecordSetsAsync(zone, [A("CREATE", "a.example.org", "192.0.2.1")]);

        var act = () => _route53.ChangeResourceRecordSetsAsync(zone,
        [
            A("CREATE", "b.example.org", "192.0.2.2"),
            A("CREATE", "a.example.org", "192.0.2.9"),
            A("DELETE", "missing.example.org", "192.0.2.3"),
            A("CREATE", "www.other.net", "192.0.2.4"),
        ]);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("InvalidChangeBatch");
        error.Attempts.Should().Be(1);
        error.AwsMessage.Should().Contain("Tried to create resource record set [name='a.example.org.', type='A'] but it already exists")
            .And.Contain("Tried to delete resource record set [name='missing.example.org.', type='A'] but it was not found")
            .And.Contain("RRSet with DNS name www.other.net. is not permitted in zone example.org.");
        (await _route53.ListResourceRecordSetsAsync(zone)).Should().NotContain(r => r.Name == "b.example.org.", "the batch is all or nothing");
    }

    [Fact]
    public async Task ChangeResourceRecordSets_TxtStringsOver255Characters_AreRefused_SplitIntoSeveralStringsTheyLand()
    {
        var zone = await ZoneAsync();
        var long256 = "\"" + new string('x', 256) + "\"";
        var split = "\"" + new string('x', 255) + "\" \"" + new string('y', 10) + "\"";
        Route53Change Txt(string name, string value) => new("CREATE", new Route53RecordSet(name, "TXT") { Ttl = 300, Values = [value] });

        var tooLong = () => _route53.ChangeResourceRecordSetsAsync(zone, [Txt("long.example.org", long256)]);
        var unterminated = () => _route53.ChangeResourceRecordSetsAsync(zone, [Txt("open.example.org", "\"heritage=external-dns")]);
        await _route53.ChangeResourceRecordSetsAsync(zone, [Txt("split.example.org", split)]);

        (await tooLong.Should().ThrowAsync<AwsServiceException>()).Which.AwsMessage.Should().Contain("TXTRDATATooLong");
        (await unterminated.Should().ThrowAsync<AwsServiceException>()).Which.AwsMessage.Should().Contain("InvalidCharacterString");
        (await _route53.ListResourceRecordSetsAsync(zone)).Single(r => r.Name == "split.example.org.").Values.Should().Equal(split);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_DeleteWithStaleValues_IsRejected()
    {
        var zone = await ZoneAsync();
        await _route53.ChangeResourceRecordSetsAsync(zone, [A("CREATE", "a.example.org", "192.0.2.1")]);

        var act = () => _route53.ChangeResourceRecordSetsAsync(zone, [A("DELETE", "a.example.org", "192.0.2.2")]);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.AwsMessage.Should().Contain("do not match the current values");
    }

    [Fact]
    public async Task ChangeResourceRecordSets_CnameNextToOtherRecords_IsRejected()
    {
        var zone = await ZoneAsync();
        await _route53.ChangeResourceRecordSetsAsync(zone, [A("CREATE", "a.example.org", "192.0.2.1")]);

        var act = () => _route53.ChangeResourceRecordSetsAsync(zone, [new("CREATE", new Route53RecordSet("a.example.org", "CNAME") { Ttl = 60, Values = ["b.example.org"] })]);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.AwsMessage.Should().Contain("RRSet of type CNAME");
    }

    [Fact]
    public async Task ChangeResourceRecordSets_OverBatchLimits_IsRejectedAndSplitFits()
    {
        var zone = await ZoneAsync();
        var many = Enumerable.Range(0, 1001).Select(i => A("CREATE", $"h{i}.example.org", "192.0.2.1")).ToList();
        var longValues = Enumerable.Range(0, 140).Select(i => new Route53Change("CREATE", new Route53RecordSet($"t{i}.example.org", "TXT") { Ttl = 60, Values = [new string('x', 240)] })).ToList();

        var tooMany = () => _route53.ChangeResourceRecordSetsAsync(zone, many);
        var tooLong = () => _route53.ChangeResourceRecordSetsAsync(zone, longValues);

        (await tooMany.Should().ThrowAsync<AwsServiceException>()).Which.AwsMessage.Should().Contain("limit of 1000");
        (await tooLong.Should().ThrowAsync<AwsServiceException>()).Which.AwsMessage.Should().Contain("limit of 32000");
        var batches = Route53Limits.Split(many.Concat(longValues).ToList());
        batches.Should().HaveCountGreaterThan(1);
        foreach (var batch in batches)
        {
            await _route53.ChangeResourceRecordSetsAsync(zone, batch);
        }

        (await _route53.ListResourceRecordSetsAsync(zone)).Should().HaveCount(2 + 1001 + 140);
    }

    [Fact]
    public async Task ListResourceRecordSets_ManyPages_FollowsNameTypeAndIdentifier()
    {
        var zone = await ZoneAsync();
        var changes = new List<Route53Change>();
        for (var i = 0; i < 7; i++)
        {
            changes.Add(new("CREATE", new Route53RecordSet("weighted.example.org", "A") { SetIdentifier = $"id-{i}", Weight = 10, Ttl = 60, Values = [$"192.0.2.{i}"] }));
            changes.Add(A("CREATE", $"host{i}.example.org", "198.51.100.1"));
        }

        await _route53.ChangeResourceRecordSetsAsync(zone, changes);
        var paged = new Route53Client(_aws.Transport) { MaxItems = 3 };

        var all = await paged.ListResourceRecordSetsAsync(zone);

        all.Should().HaveCount(16);
        all.Where(r => r.SetIdentifier is not null).Select(r => r.SetIdentifier).Should().Equal(Enumerable.Range(0, 7).Select(i => $"id-{i}"));
        _aws.Calls.Count("route53", "ListResourceRecordSets").Should().Be(6);
        _aws.Calls.Of("route53", "ListResourceRecordSets").Skip(1).Should().OnlyContain(c => c.Query.Contains("name=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AliasRecord_ToLoadBalancer_MustTargetAnExistingLoadBalancer()
    {
        var zone = await ZoneAsync();
        var elb = new ElbV2Client(_aws.Transport);
        var lb = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]));

        await _route53.ChangeResourceRecordSetsAsync(zone, [new("UPSERT", new Route53RecordSet("app.example.org", "A") { AliasTarget = new(lb.CanonicalHostedZoneId, "dualstack." + lb.DnsName, true) })]);
        var wrong = () => _route53.ChangeResourceRecordSetsAsync(zone, [new("CREATE", new Route53RecordSet("bad.example.org", "A") { AliasTarget = new(lb.CanonicalHostedZoneId, "nope.eu-central-1.elb.amazonaws.com", true) })]);

        var alias = (await _route53.ListResourceRecordSetsAsync(zone)).Single(r => r.Name == "app.example.org.").AliasTarget!;
        alias.HostedZoneId.Should().Be("Z215JYRZR1TBD5");
        alias.DnsName.Should().Be("dualstack." + lb.DnsName + ".");
        alias.EvaluateTargetHealth.Should().BeTrue();
        (await wrong.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidChangeBatch");
    }

    [Fact]
    public async Task DeleteHostedZone_WithRecords_IsHostedZoneNotEmptyThenSucceedsWhenEmpty()
    {
        var zone = await ZoneAsync();
        await _route53.ChangeResourceRecordSetsAsync(zone, [A("CREATE", "a.example.org", "192.0.2.1")]);

        var notEmpty = () => _route53.DeleteHostedZoneAsync(zone);
        (await notEmpty.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("HostedZoneNotEmpty");
        await _route53.ChangeResourceRecordSetsAsync(zone, [A("DELETE", "a.example.org", "192.0.2.1")]);
        var deleted = await _route53.DeleteHostedZoneAsync(zone);

        deleted.Status.Should().Be("PENDING");
        (await _route53.ListHostedZonesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Requests_AreSignedForUsEast1()
    {
        await _route53.ListHostedZonesAsync();

        var endpoint = _aws.Endpoints.Resolve(AwsService.Route53);
        endpoint.SigningRegion.Should().Be("us-east-1");
        _aws.Calls.Of("route53", "ListHostedZones").Single().Succeeded.Should().BeTrue("the emulator refuses Route 53 requests scoped to another region");
    }

    [Fact]
    public async Task PriorRequestNotComplete_IsRetried()
    {
        var zone = await ZoneAsync();
        _aws.Emulator.Faults.FailNext("route53", "ChangeResourceRecordSets", 1, "PriorRequestNotComplete", 400);

        await _route53.ChangeResourceRecordSetsAsync(zone, [A("CREATE", "a.example.org", "192.0.2.1")]);

        _aws.Calls.Of("route53", "ChangeResourceRecordSets").Select(c => c.Result).Should().Equal("PriorRequestNotComplete", "Success");
    }

    [Fact]
    public void Split_OneNameOverTheLimits_ThrowsClearError()
    {
        var huge = new Route53Change("CREATE", new Route53RecordSet("x.example.org", "TXT") { Ttl = 1, Values = Enumerable.Repeat(new string('y', 255), 200).ToList() });

        var act = () => Route53Limits.Split([huge]);

        act.Should().Throw<ArgumentException>().WithMessage("*x.example.org*");
    }
}

using AwsIntegrations.DnsController.Options;
using AwsIntegrations.Emulators.Aws;
using k8s;
using k8s.Models;

namespace AwsIntegrations.DnsController.Tests.Integration;

/// <summary>The controller's passes against the emulated cluster and account: what Route 53 holds and how many calls it took.</summary>
public sealed class ReconcilerTests : IAsyncLifetime
{
    private const string Owned = "\"heritage=external-dns,external-dns/owner=cluster-a,external-dns/resource=ingress/default/web\"";
    private DnsWorld _world = null!;
    private string _zone = null!;
    private string _alb = null!;

    public Task InitializeAsync() => StartAsync();

    /// <summary>A world whose controller starts with <paramref name="configure"/>'s flags (flags are read once, at start).</summary>
    private async Task StartAsync(Action<DnsControllerOptions>? configure = null)
    {
        _world = await DnsWorld.StartAsync(configure);
        _zone = await _world.CreateZoneAsync("example.com");
        _alb = (await _world.CreateAlbAsync("web")).DnsName;
        _world.Aws.Calls.Clear();
    }

    private async Task RestartAsync(Action<DnsControllerOptions> configure)
    {
        await _world.DisposeAsync();
        await StartAsync(configure);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Pass_NewIngress_CreatesAliasesAndTxtWithThreeRoute53Calls()
    {
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);

        var result = await _world.PassAsync();

        result.Succeeded.Should().BeTrue();
        _world.Records(_zone).Should().Equal($"A www.example.com. alias {_alb}.", $"AAAA www.example.com. alias {_alb}.", $"TXT a-www.example.com. {Owned}", $"TXT aaaa-www.example.com. {Owned}");
        _world.Calls().Should().Be(3);
        _world.Calls("ListHostedZones").Should().Be(1);
        _world.Calls("ListResourceRecordSets").Should().Be(1);
        _world.Calls("ChangeResourceRecordSets").Should().Be(1);
        var events = await _world.EventsAsync();
        events.Should().Contain(e => (string?)e["reason"] == "RecordCreated" && ((string?)e["message"])!.Contains("www.example.com"));
    }

    [Fact]
    public async Task Pass_NothingChanged_MakesNoRoute53Calls()
    {
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);
        await _world.PassAsync();
        _world.Aws.Calls.Clear();

        for (var i = 0; i < 5; i++)
        {
            (await _world.PassAsync()).Succeeded.Should().BeTrue();
        }

        _world.Calls().Should().Be(0);
    }

    [Fact]
    public async Task Pass_IngressUpdatedThenDeleted_SendsOneChangeEachAndNoReads()
    {
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);
        await _world.PassAsync();
        _world.Aws.Calls.Clear();

        await _world.ApplyIngressAsync("web", ["www.example.com", "api.example.com"], _alb);
        await _world.PassAsync();
        _world.Records(_zone).Should().Contain($"A api.example.com. alias {_alb}.");
        _world.Calls().Should().Be(1);

        await _world.DeleteIngressAsync("web");
        await _world.PassAsync();
        _world.Records(_zone).Should().BeEmpty();
        _world.Calls().Should().Be(2);
        _world.Calls("ChangeResourceRecordSets").Should().Be(2);
    }

    [Fact]
    public async Task Pass_TargetMovesToAnotherAlb_UpsertsTheAlias()
    {
        var other = (await _world.CreateAlbAsync("web-2")).DnsName;
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);
        await _world.PassAsync();

        await _world.ApplyIngressAsync("web", ["www.example.com"], other);
        await _world.PassAsync();

        _world.Records(_zone).Should().Equal($"A www.example.com. alias {other}.", $"AAAA www.example.com. alias {other}.", $"TXT a-www.example.com. {Owned}", $"TXT aaaa-www.example.com. {Owned}");
        var change = _world.Aws.Calls.Of("route53", "ChangeResourceRecordSets")[^1];
        change.RequestBody.Should().Contain("<Action>UPSERT</Action>").And.NotContain("<Action>DELETE</Action>");
    }

    [Fact]
    public async Task Pass_BatchWithOneInvalidChange_LandsTheOthersAndReportsOnlyTheInvalidOne()
    {
        for (var i = 0; i < 10; i++)
        {
            await _world.ApplyIngressAsync($"app-{i}", [$"app-{i}.example.com"], _alb);
        }

        // An ELB name of the region that no load balancer has: Route 53 refuses the alias, and with it the whole batch.
        await _world.ApplyIngressAsync("zz-bad", ["zz-bad.example.com"], "gone-1234567890.eu-central-1.elb.amazonaws.com");

        var result = await _world.PassAsync();

        result.Succeeded.Should().BeTrue();
        _world.Records(_zone).Count(r => r.StartsWith("A app-", StringComparison.Ordinal)).Should().Be(10);
        _world.Records(_zone).Should().NotContain(r => r.Contains("zz-bad", StringComparison.Ordinal));
        // 11 groups → refused; 5 ok + 6 refused; 3 ok + 3 refused; 1 ok + 2 refused; 1 ok + 1 refused.
        _world.Calls("ChangeResourceRecordSets").Should().Be(9);
        var events = await _world.EventsAsync();
        events.Where(e => (string?)e["reason"] == "ChangeRefused").Should().ContainSingle()
            .Which["involvedObject"]!["name"]!.GetValue<string>().Should().Be("zz-bad");

        _world.Aws.Calls.Clear();
        await _world.PassAsync();
        _world.Calls().Should().Be(0, "a refused change is not retried until the next full read");
    }

    [Fact]
    public async Task Pass_PriorRequestNotComplete_IsRetriedAndLands()
    {
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);
        _world.Aws.Faults.FailWith("route53", "ChangeResourceRecordSets", "PriorRequestNotComplete", 400, count: 2);

        var result = await _world.PassAsync();

        result.Succeeded.Should().BeTrue();
        _world.Records(_zone).Should().Contain($"A www.example.com. alias {_alb}.");
        _world.Calls("ChangeResourceRecordSets").Should().Be(3);
    }

    [Fact]
    public async Task Pass_ThrottlingStorm_Converges()
    {
        for (var i = 0; i < 20; i++)
        {
            await _world.ApplyIngressAsync($"app-{i}", [$"app-{i}.example.com"], _alb);
        }

        _world.Aws.Faults.Throttle("route53", null, 70);
        var passes = 0;
        while (passes < 20 && !(await _world.PassAsync()).Succeeded)
        {
            passes++;
        }

        _world.Aws.Faults.Clear();
        (await _world.PassAsync()).Succeeded.Should().BeTrue();
        _world.Records(_zone).Count(r => r.StartsWith("A app-", StringComparison.Ordinal)).Should().Be(20);
        _world.Records(_zone).Count(r => r.StartsWith("TXT a-app-", StringComparison.Ordinal)).Should().Be(20);
        _world.Aws.Calls.All.Should().Contain(c => c.Result == "Throttling");
    }

    [Fact]
    public async Task Pass_ZoneWrittenByExternalDns_IsAdoptedWithoutAnyChange()
    {
        _world.SeedRecords(_zone,
            new RecordSet("www.example.com.", "A") { Alias = new AliasTarget("Z215JYRZR1TBD5", _alb + ".", true) },
            new RecordSet("a-www.example.com.", "TXT") { Ttl = 300, Values = [Owned] },
            new RecordSet("www.example.com.", "AAAA") { Alias = new AliasTarget("Z215JYRZR1TBD5", _alb + ".", true) },
            new RecordSet("aaaa-www.example.com.", "TXT") { Ttl = 300, Values = [Owned] },
            new RecordSet("docs.example.com.", "CNAME") { Ttl = 300, Values = ["docs.example.net"] },
            new RecordSet("cname-docs.example.com.", "TXT") { Ttl = 300, Values = ["\"heritage=external-dns,external-dns/owner=cluster-a,external-dns/resource=ingress/default/docs\""] });
        var before = _world.Records(_zone);
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);
        await _world.ApplyIngressAsync("docs", ["docs.example.com"], "docs.example.net");

        (await _world.PassAsync()).Succeeded.Should().BeTrue();

        _world.Records(_zone).Should().Equal(before);
        _world.Calls("ChangeResourceRecordSets").Should().Be(0);
    }

    [Theory]
    [InlineData(Policy.Sync)]
    [InlineData(Policy.UpsertOnly)]
    [InlineData(Policy.CreateOnly)]
    public async Task Pass_RecordsOwnedBySomeoneElse_SurviveEveryPolicy(Policy policy)
    {
        await RestartAsync(o => o.Policy = policy);
        var theirs = new RecordSet("www.example.com.", "A") { Ttl = 300, Values = ["198.51.100.7"] };
        var theirTxt = new RecordSet("a-www.example.com.", "TXT") { Ttl = 300, Values = ["\"heritage=external-dns,external-dns/owner=cluster-b,external-dns/resource=ingress/default/web\""] };
        var manual = new RecordSet("manual.example.com.", "CNAME") { Ttl = 60, Values = ["somewhere.example.net"] };
        _world.SeedRecords(_zone, theirs, theirTxt, manual);
        var before = _world.Records(_zone);

        await _world.ApplyIngressAsync("web", ["www.example.com", "manual.example.com"], _alb);
        await _world.PassAsync();
        _world.Records(_zone).Should().Equal(before);

        await _world.DeleteIngressAsync("web");
        await _world.PassAsync();
        _world.Records(_zone).Should().Equal(before);
        _world.Calls("ChangeResourceRecordSets").Should().Be(0);
        var events = await _world.EventsAsync();
        events.Where(e => (string?)e["reason"] == "OwnershipConflict").Select(e => (string?)e["message"])
            .Should().Contain(m => m!.Contains("another owner \"cluster-b\"")).And.Contain(m => m!.Contains("manual.example.com"));
    }

    [Fact]
    public async Task Pass_UpsertOnly_KeepsRecordsOfDeletedIngress()
    {
        await RestartAsync(o => o.Policy = Policy.UpsertOnly);
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);
        await _world.PassAsync();

        await _world.DeleteIngressAsync("web");
        await _world.PassAsync();

        _world.Records(_zone).Should().HaveCount(4);
    }

    [Fact]
    public async Task Pass_NameWithoutZone_IsAWarningEventOnTheIngress()
    {
        await _world.ApplyIngressAsync("web", ["www.example.net"], _alb);

        await _world.PassAsync();

        var events = await _world.EventsAsync();
        events.Should().Contain(e => (string?)e["reason"] == "NoHostedZone" && (string?)e["type"] == "Warning"
            && (string?)e["message"] == "no hosted zone for www.example.net");
    }

    [Fact]
    public async Task Pass_PublicAndPrivateZones_NameGoesToLongestPublicAndEveryPrivateZone()
    {
        var child = await _world.CreateZoneAsync("dev.example.com");
        var privateZone = await _world.CreateZoneAsync("example.com", isPrivate: true);
        await _world.ApplyIngressAsync("web", ["api.dev.example.com"], _alb);

        await _world.PassAsync();

        _world.Records(child).Should().Contain($"A api.dev.example.com. alias {_alb}.");
        _world.Records(privateZone).Should().Contain($"A api.dev.example.com. alias {_alb}.");
        _world.Records(_zone).Should().BeEmpty();
    }

    [Fact]
    public async Task Pass_LoadBalancerServiceWithHostnameAnnotation_GetsARecordsForItsIps()
    {
        var service = await _world.Client.CoreV1.CreateNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "default", Annotations = new Dictionary<string, string>() { ["external-dns.alpha.kubernetes.io/hostname"] = "api.example.com", ["external-dns.alpha.kubernetes.io/ttl"] = "60" } },
            Spec = new V1ServiceSpec { Type = "LoadBalancer", Ports = [new V1ServicePort { Port = 443 }] },
        }, "default");
        service.Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "192.0.2.44" }] } };
        await _world.Client.CoreV1.ReplaceNamespacedServiceStatusAsync(service, "api", "default");
        await _world.WaitForSourcesAsync(s => s.Any(o => o.Kind == "service" && o.StatusTargets.Contains("192.0.2.44")));

        await _world.PassAsync();

        _world.Records(_zone).Should().Equal("A api.example.com. 192.0.2.44",
            "TXT a-api.example.com. \"heritage=external-dns,external-dns/owner=cluster-a,external-dns/resource=service/default/api\"");
    }

    [Fact]
    public async Task Pass_DryRun_ChangesNothing()
    {
        _world.Options.DryRun = true;
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);

        (await _world.PassAsync()).Succeeded.Should().BeTrue();

        _world.Records(_zone).Should().BeEmpty();
        _world.Calls("ChangeResourceRecordSets").Should().Be(0);
    }

    [Fact]
    public async Task Pass_DualStackAlb_GetsAAndAaaaAliases()
    {
        var dual = (await _world.CreateAlbAsync("dual", "dualstack")).DnsName;
        await _world.ApplyIngressAsync("web", ["www.example.com"], dual);

        await _world.PassAsync();

        _world.Records(_zone).Should().Contain($"AAAA www.example.com. alias {dual}.").And.Contain(r => r.StartsWith("TXT aaaa-www.example.com.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pass_RecordDeletedBehindOurBack_IsRestoredAfterTheFullRead()
    {
        _world.Options.ResyncInterval = TimeSpan.FromMilliseconds(1);
        await _world.ApplyIngressAsync("web", ["www.example.com"], _alb);
        await _world.PassAsync();
        lock (_world.Aws.State.Gate)
        {
            _world.Aws.State.HostedZones.Single(z => z.Id == _zone).Records.RemoveAll(r => r.Name == "www.example.com.");
        }

        await Task.Delay(5);
        await _world.PassAsync();

        _world.Records(_zone).Should().Contain($"A www.example.com. alias {_alb}.");
    }
}

using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Planning;
using AwsIntegrations.DnsController.Sources;
using static AwsIntegrations.DnsController.Tests.Planning.Records;

namespace AwsIntegrations.DnsController.Tests.Planning;

public class PlannerTests
{
    private static readonly Zone PublicZone = new("ZPUB", "example.com", Private: false);

    private static ZonePlan Plan(IEnumerable<Route53RecordSet> current, IEnumerable<DesiredRecord> desired, Policy policy = Policy.Sync, string owner = "cluster-a") =>
        Planner.Plan(PublicZone, [.. current], [.. desired], Settings(policy, owner));

    private static string[] Changes(ZonePlan plan) =>
        [.. plan.Groups.SelectMany(g => g.Changes).Select(c => $"{c.Action} {c.RecordSet.Type} {c.RecordSet.Name}")];

    [Fact]
    public void Plan_NewName_CreatesRecordAndTypedTxtInOneGroup()
    {
        var plan = Plan([], [WantA("www.example.com")]);

        plan.Groups.Should().ContainSingle();
        Changes(plan).Should().Equal("CREATE A www.example.com.", "CREATE TXT a-www.example.com.");
        plan.Groups[0].Changes[1].RecordSet.Values.Should().Equal("\"heritage=external-dns,external-dns/owner=cluster-a,external-dns/resource=ingress/default/web\"");
        plan.Groups[0].Actions.Should().Equal(new RecordAction(RecordVerb.Created, "A", "www.example.com"));
    }

    [Fact]
    public void Plan_OwnedRecordUnchanged_PlansNothing()
    {
        var plan = Plan(Owned(A("www.example.com", "192.0.2.10")), [WantA("www.example.com")]);

        plan.Groups.Should().BeEmpty();
        plan.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Plan_RecordWithoutOwnershipTxt_IsNeverTouchedAndReported()
    {
        var plan = Plan([A("www.example.com", "198.51.100.1")], [WantA("www.example.com")]);

        plan.Groups.Should().BeEmpty();
        plan.Problems.Should().ContainSingle(p => p.Reason == "OwnershipConflict" && p.Resource == "ingress/default/web");
    }

    [Fact]
    public void Plan_RecordOwnedByAnotherOwner_IsNotUpdatedAndTheMessageNamesTheOwner()
    {
        var plan = Plan(Owned(A("www.example.com", "198.51.100.1"), owner: "cluster-b"), [WantA("www.example.com")]);

        plan.Groups.Should().BeEmpty();
        plan.Problems.Single().Message.Should().Contain("another owner \"cluster-b\"");
    }

    [Theory]
    [InlineData(Policy.Sync)]
    [InlineData(Policy.UpsertOnly)]
    [InlineData(Policy.CreateOnly)]
    public void Plan_ForeignRecordsNoLongerWanted_SurviveEveryPolicy(Policy policy)
    {
        var current = Owned(A("other.example.com", "198.51.100.1"), owner: "cluster-b").Append(A("manual.example.com", "198.51.100.2"));

        var plan = Plan(current, [], policy);

        plan.Groups.Should().BeEmpty();
    }

    [Fact]
    public void Plan_MultipleOwnersInOneZone_EachOnlyDeletesItsOwn()
    {
        var current = Owned(A("a.example.com", "192.0.2.1"), owner: "cluster-a").Concat(Owned(A("b.example.com", "192.0.2.2"), owner: "cluster-b"));

        var forA = Plan(current, [], owner: "cluster-a");
        var forB = Plan(current, [], owner: "cluster-b");

        Changes(forA).Should().Equal("DELETE A a.example.com.", "DELETE TXT a-a.example.com.");
        Changes(forB).Should().Equal("DELETE A b.example.com.", "DELETE TXT a-b.example.com.");
    }

    [Fact]
    public void Plan_OwnedRecordNoLongerWanted_DeletedOnlyUnderSync()
    {
        var current = Owned(A("old.example.com", "192.0.2.1"));

        Changes(Plan(current, [], Policy.Sync)).Should().Equal("DELETE A old.example.com.", "DELETE TXT a-old.example.com.");
        Plan(current, [], Policy.UpsertOnly).Groups.Should().BeEmpty();
        Plan(current, [], Policy.CreateOnly).Groups.Should().BeEmpty();
    }

    [Fact]
    public void Plan_TtlChanged_UpsertsTheRecordOnlyUnderSyncAndUpsertOnly()
    {
        var current = Owned(A("www.example.com", "192.0.2.10"));
        var desired = WantA("www.example.com") with { Ttl = 60 };

        var plan = Plan(current, [desired]);

        Changes(plan).Should().Equal("UPSERT A www.example.com.");
        plan.Groups[0].Changes[0].RecordSet.Ttl.Should().Be(60);
        Changes(Plan(current, [desired], Policy.UpsertOnly)).Should().Equal("UPSERT A www.example.com.");
        Plan(current, [desired], Policy.CreateOnly).Groups.Should().BeEmpty();
    }

    [Fact]
    public void Plan_TargetMovesFromOneAlbToAnother_UpsertsTheAlias()
    {
        var current = Owned(AliasA("www.example.com", "old-1.eu-central-1.elb.amazonaws.com"));

        var plan = Plan(current, [WantAlias("www.example.com", "new-2.eu-central-1.elb.amazonaws.com")]);

        Changes(plan).Should().Equal("UPSERT A www.example.com.");
        plan.Groups[0].Changes[0].RecordSet.AliasTarget!.DnsName.Should().Be("new-2.eu-central-1.elb.amazonaws.com");
        plan.Groups[0].Actions.Should().Equal(new RecordAction(RecordVerb.Updated, "A", "www.example.com"));
    }

    [Fact]
    public void Plan_CnameBecomesAlias_DeletesCnameAndCreatesAliasInOneGroup()
    {
        var current = Owned(Cname("www.example.com", "lb.example.net"));

        var plan = Plan(current, [WantAlias("www.example.com", "web-1.eu-central-1.elb.amazonaws.com")]);

        plan.Groups.Should().ContainSingle();
        Changes(plan).Should().Equal("DELETE CNAME www.example.com.", "DELETE TXT cname-www.example.com.", "CREATE A www.example.com.", "CREATE TXT a-www.example.com.");
    }

    [Fact]
    public void Plan_CnameBecomesAliasUnderUpsertOnly_KeepsTheCnameAndReportsThePolicy()
    {
        var current = Owned(Cname("www.example.com", "lb.example.net"));

        var plan = Plan(current, [WantAlias("www.example.com", "web-1.eu-central-1.elb.amazonaws.com")], Policy.UpsertOnly);

        plan.Groups.Should().BeEmpty();
        plan.Problems.Should().ContainSingle(p => p.Reason == "PolicyConflict");
    }

    [Fact]
    public void Plan_CnameAndAliasWantedAtOneName_CnameLoses()
    {
        var plan = Plan([], [WantCname("www.example.com", "lb.example.net", "ingress/default/a"), WantAlias("www.example.com", "web-1.eu-central-1.elb.amazonaws.com", "ingress/default/b")]);

        Changes(plan).Should().Equal("CREATE A www.example.com.", "CREATE TXT a-www.example.com.");
        plan.Problems.Should().ContainSingle(p => p.Reason == "CnameConflict" && p.Resource == "ingress/default/a");
    }

    [Fact]
    public void Plan_CnameWantedWhereForeignARecordExists_IsRefused()
    {
        var plan = Plan([A("www.example.com", "198.51.100.1")], [WantCname("www.example.com", "lb.example.net")]);

        plan.Groups.Should().BeEmpty();
        plan.Problems.Should().ContainSingle(p => p.Reason == "OwnershipConflict");
    }

    [Fact]
    public void Plan_TwoObjectsWantOneName_TheCurrentOwnerKeepsIt()
    {
        var current = Owned(A("www.example.com", "192.0.2.10"), resource: "ingress/default/z-second");

        var plan = Plan(current, [WantA("www.example.com", "ingress/default/a-first", "192.0.2.99"), WantA("www.example.com", "ingress/default/z-second")]);

        plan.Groups.Should().BeEmpty();
        plan.Problems.Should().ContainSingle(p => p.Reason == "NameConflict" && p.Resource == "ingress/default/a-first");
    }

    [Fact]
    public void Plan_SetIdentifiers_AreSeparateRecordsWithTheirOwnTxt()
    {
        var blue = WantA("www.example.com", "ingress/default/blue", "192.0.2.1") with { SetIdentifier = "blue", Weight = 10 };
        var green = WantA("www.example.com", "ingress/default/green", "192.0.2.2") with { SetIdentifier = "green", Weight = 90 };

        var plan = Plan([], [blue, green]);

        plan.Groups.Should().HaveCount(2);
        plan.Groups.SelectMany(g => g.Changes).Where(c => c.RecordSet.Type == "TXT")
            .Select(c => (c.RecordSet.SetIdentifier, c.RecordSet.Weight)).Should().Equal(("blue", 10L), ("green", 90L));
    }

    [Fact]
    public void Plan_SetIdentifierOwnedByAnotherOwner_DoesNotBlockOurSetIdentifier()
    {
        var theirs = A("www.example.com", "198.51.100.1") with { SetIdentifier = "theirs", Weight = 50 };
        var ours = WantA("www.example.com") with { SetIdentifier = "ours", Weight = 50 };

        var plan = Plan(Owned(theirs, owner: "cluster-b"), [ours]);

        Changes(plan).Should().Equal("CREATE A www.example.com.", "CREATE TXT a-www.example.com.");
    }

    // external-dns registry/txt/registry.go (v0.22.0) Records: the cname- TXT of an A alias and the same-name TXT still
    // say who owns a record; a record of ours known only that way gets the current-format TXT (txt/force-update).
    [Fact]
    public void Plan_ExternalDnsLegacyFormats_AreOwnershipAndGetTheCurrentFormatBeside()
    {
        var sameName = new[] { A("legacy.example.com", "192.0.2.10"), Txt("legacy.example.com", "cluster-a", "ingress/default/web") };
        var cnamePrefixedAlias = new[] { AliasA("alias.example.com", "web-1.eu-central-1.elb.amazonaws.com"), Txt("cname-alias.example.com", "cluster-a", "ingress/default/web") };

        var plan = Plan([.. sameName, .. cnamePrefixedAlias], [WantA("legacy.example.com"), WantAlias("alias.example.com", "web-1.eu-central-1.elb.amazonaws.com")]);

        Changes(plan).Should().Equal("CREATE TXT a-alias.example.com.", "CREATE TXT a-legacy.example.com.");
        plan.Groups.SelectMany(g => g.Actions).Select(a => a.Verb).Should().Equal("migrated", "migrated");
        plan.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Plan_LegacyFormatsUnderCreateOnly_AreLeftAsTheyAre()
    {
        var sameName = new[] { A("legacy.example.com", "192.0.2.10"), Txt("legacy.example.com", "cluster-a", "ingress/default/web") };

        Plan(sameName, [WantA("legacy.example.com")], Policy.CreateOnly).Groups.Should().BeEmpty();
        Changes(Plan(sameName, [WantA("legacy.example.com")], Policy.UpsertOnly)).Should().Equal("CREATE TXT a-legacy.example.com.");
    }

    // external-dns registry/mapper/mapper.go dropAffixExtractType: with --txt-prefix the old-format TXT is <prefix><name>.
    [Fact]
    public void Plan_OldFormatWithPrefix_IsOwnershipAndMigratesToThePrefixedTypedName()
    {
        var settings = new PlanSettings("cluster-a", Policy.Sync, new DnsController.Registry.TxtNameMapper(prefix: "pre-"));
        var current = new[] { Cname("docs.example.com", "docs.example.net"), Txt("pre-docs.example.com", "cluster-a", "ingress/default/web") };

        var plan = Planner.Plan(PublicZone, current, [WantCname("docs.example.com", "docs.example.net")], settings);

        Changes(plan).Should().Equal("CREATE TXT pre-cname-docs.example.com.");
    }

    [Fact]
    public void Plan_DeletingARecordKnownThroughEveryFormat_DeletesEveryTxt()
    {
        var lb = "web-1.eu-central-1.elb.amazonaws.com";
        var current = new[]
        {
            AliasA("old.example.com", lb), AliasA("old.example.com", lb, "AAAA"),
            Txt("old.example.com", "cluster-a", "ingress/default/web"), Txt("cname-old.example.com", "cluster-a", "ingress/default/web"),
            Txt("a-old.example.com", "cluster-a", "ingress/default/web"), Txt("aaaa-old.example.com", "cluster-a", "ingress/default/web"),
        };

        var plan = Plan(current, []);

        Changes(plan).Should().Equal(
            "DELETE A old.example.com.", "DELETE TXT a-old.example.com.", "DELETE TXT cname-old.example.com.",
            "DELETE AAAA old.example.com.", "DELETE TXT aaaa-old.example.com.", "DELETE TXT old.example.com.");
    }

    [Fact]
    public void Plan_DeletingTheOnlyRecordOwnedThroughTheSameNameTxt_DeletesThatTxt()
    {
        var aaaa = new Route53RecordSet("www.example.com.", "AAAA") { Ttl = 300, Values = ["2001:db8::1"] };
        var current = new[] { A("www.example.com", "192.0.2.10"), aaaa, Txt("www.example.com", "cluster-a", "ingress/default/web") };

        // registry.go reads the same-name TXT for every type but AAAA: the AAAA record is nobody's we know and stays.
        var plan = Plan(current, []);

        Changes(plan).Should().Equal("DELETE A www.example.com.", "DELETE TXT www.example.com.");
    }

    [Fact]
    public void Plan_DeletingOneTypeWhileAnotherOfOursStays_KeepsTheSameNameTxt()
    {
        var current = new[]
        {
            A("www.example.com", "192.0.2.10"), Txt("www.example.com", "cluster-a", "ingress/default/web"),
            new Route53RecordSet("www.example.com.", "AAAA") { Ttl = 300, Values = ["2001:db8::1"] }, Txt("aaaa-www.example.com", "cluster-a", "ingress/default/web"),
        };

        var plan = Plan(current, [WantA("www.example.com")]);

        Changes(plan).Should().Equal("DELETE AAAA www.example.com.", "DELETE TXT aaaa-www.example.com.", "CREATE TXT a-www.example.com.");
    }

    [Fact]
    public void Plan_OrphanedTxtOfOurs_IsOverwrittenWhenTheRecordIsCreated()
    {
        var plan = Plan([Txt("a-www.example.com", "cluster-a", "ingress/default/old")], [WantA("www.example.com")]);

        Changes(plan).Should().Equal("CREATE A www.example.com.", "UPSERT TXT a-www.example.com.");
    }

    [Fact]
    public void Plan_TxtNameTakenByAnotherOwner_RefusesTheCreate()
    {
        var plan = Plan([Txt("a-www.example.com", "cluster-b", "ingress/default/web")], [WantA("www.example.com")]);

        plan.Groups.Should().BeEmpty();
        plan.Problems.Should().ContainSingle(p => p.Reason == "OwnershipConflict");
    }

    [Fact]
    public void Plan_OwnershipMovesToAnotherObjectOfOurs_RewritesOnlyTheTxt()
    {
        var current = Owned(A("www.example.com", "192.0.2.10"), resource: "ingress/default/old");

        var plan = Plan(current, [WantA("www.example.com", "ingress/default/new")]);

        Changes(plan).Should().Equal("UPSERT TXT a-www.example.com.");
    }

    [Fact]
    public void Plan_DualStackAlias_ManagesAAndAaaaWithTheirOwnTxt()
    {
        var lb = "dualstack.web-1.eu-central-1.elb.amazonaws.com";

        var plan = Plan([], [WantAlias("www.example.com", lb), WantAlias("www.example.com", lb, type: "AAAA")]);

        Changes(plan).Should().Equal("CREATE A www.example.com.", "CREATE TXT a-www.example.com.", "CREATE AAAA www.example.com.", "CREATE TXT aaaa-www.example.com.");
    }

    [Fact]
    public void Plan_OtherRecordTypes_AreIgnored()
    {
        var plan = Plan([new Route53RecordSet("example.com.", "MX") { Ttl = 300, Values = ["10 mail.example.com"] }, new Route53RecordSet("example.com.", "NS") { Ttl = 300, Values = ["ns-1.example.net"] }], []);

        plan.Groups.Should().BeEmpty();
    }

    // external-dns plan/plan.go filterRecordsForPlan: records outside the domain filter are left out of the plan.
    [Theory]
    [InlineData(Policy.Sync)]
    [InlineData(Policy.UpsertOnly)]
    [InlineData(Policy.CreateOnly)]
    public void Plan_OwnedRecordsOutsideTheDomainFilterOrUnderAnExcludedDomain_AreNeverTouched(Policy policy)
    {
        var settings = Settings(policy) with { Scope = ZoneFilter.Create(["example.com"], ["internal.example.com"], [], "") };
        var current = Owned(A("db.internal.example.com", "10.0.0.1")).Concat(Owned(A("www.example.com", "192.0.2.1"))).ToArray();

        var plan = Planner.Plan(PublicZone, current, [WantA("db.internal.example.com", "ingress/default/web", "10.0.0.9"), WantA("www.example.com", "ingress/default/web", "192.0.2.2")], settings);

        Changes(plan).Should().NotContain(c => c.Contains("internal", StringComparison.Ordinal));
        if (policy != Policy.CreateOnly)
        {
            Changes(plan).Should().Equal("UPSERT A www.example.com.");
        }
    }

    [Fact]
    public void Plan_OwnedRecordWithALatencyPolicy_IsNeverTouchedAndReported()
    {
        // Route 53 demands a routing policy with a set identifier; without a weight it is one this controller cannot read.
        var latency = A("www.example.com", "192.0.2.1") with { SetIdentifier = "eu" };
        var current = Owned(latency);

        Plan(current, []).Groups.Should().BeEmpty();
        var plan = Plan(current, [WantA("www.example.com") with { SetIdentifier = "eu", Weight = 1 }]);
        plan.Groups.Should().BeEmpty();
        plan.Problems.Single().Message.Should().Contain("routing policy other than weighted");
    }

    // external-dns provider/aws/aws.go newChange: the TXT endpoint has no TTL, so it is written at defaultTTL 300.
    [Fact]
    public void Plan_RecordWithTtlSixty_GetsItsTxtAtThreeHundred()
    {
        var plan = Plan([], [WantA("www.example.com") with { Ttl = 60 }]);

        plan.Groups[0].Changes.Select(c => (c.RecordSet.Type, c.RecordSet.Ttl)).Should().Equal(("A", 60L), ("TXT", 300L));
    }

    // external-dns plan/plan.go shouldUpdateTTL: without a ttl annotation the record keeps the TTL it has.
    [Fact]
    public void Plan_TtlNotConfigured_LeavesTheExistingTtl()
    {
        var current = Owned(A("www.example.com", "192.0.2.10") with { Ttl = 60 });

        Plan(current, [WantA("www.example.com") with { TtlConfigured = false }]).Groups.Should().BeEmpty();
    }

    [Fact]
    public void Plan_RecordBesideAMalformedTxt_IsNotOursAndItsTxtIsKept()
    {
        var malformed = Txt("a-www.example.com", "cluster-a", "ingress/default/web") with { Values = ["\"heritage=external-dns,external-dns/owner=cluster-a"] };
        var current = new[] { A("www.example.com", "192.0.2.10"), malformed };

        Plan(current, []).Groups.Should().BeEmpty();
        var plan = Plan(current, [WantA("www.example.com", "ingress/default/web", "192.0.2.99")]);
        plan.Groups.Should().BeEmpty();
        plan.Problems.Single().Message.Should().Contain("no one we know");
    }

    [Fact]
    public void Plan_OwnershipRecordNameTooLong_IsAProblemAndNothingIsWritten()
    {
        var name = new string('x', 62) + ".example.com";

        var plan = Plan([], [WantA(name)]);

        plan.Groups.Should().BeEmpty();
        plan.Problems.Should().ContainSingle(p => p.Reason == "OwnershipRecordInvalid");
    }

    // external-dns plan/conflict.go ResolveCreate: for a free name the candidate with the smallest targets wins.
    [Fact]
    public void Plan_TwoObjectsWantAFreeName_TheSmallestTargetsWin()
    {
        var plan = Plan([], [WantA("www.example.com", "ingress/default/a", "192.0.2.20"), WantA("www.example.com", "ingress/default/b", "192.0.2.3")]);

        plan.Groups.Single().Resource.Should().Be("ingress/default/b");
        plan.Problems.Should().ContainSingle(p => p.Reason == "NameConflict" && p.Resource == "ingress/default/a");
    }
}

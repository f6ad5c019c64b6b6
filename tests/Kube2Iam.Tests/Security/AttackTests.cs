using System.Net;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Tests.Harness;

namespace AwsIntegrations.Kube2Iam.Tests.Security;

/// <summary>One test per attack on the metadata proxy; each asserts that nothing of the node's or another pod's leaks.</summary>
public sealed class AttackTests
{
    private const string AttackerIp = "127.0.0.66";

    private static Dictionary<string, string> Role(string role) => new() { ["iam.amazonaws.com/role"] = role };

    [Fact]
    public async Task UnannotatedPod_NoDefaultRole_Gets404Everywhere()
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("attack", "plain-0", AttackerIp));
        var attacker = scene.As(AttackerIp);

        var list = await Imds.GetAsync(attacker, Imds.Credentials);
        var node = await Imds.GetAsync(attacker, Imds.Credentials + "sandbox-node");
        var info = await Imds.GetAsync(attacker, "/latest/meta-data/iam/info");

        list.Status.Should().Be(HttpStatusCode.NotFound);
        node.Status.Should().Be(HttpStatusCode.NotFound);
        info.Status.Should().Be(HttpStatusCode.NotFound);
        scene.AssertNothingLeaked(list.Body + node.Body + info.Body);
    }

    [Fact]
    public async Task PodAskingForAnotherRolesName_Gets404()
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("attack", "mallory-0", AttackerIp, Role("attacker-role")));
        var attacker = scene.As(AttackerIp);

        var victim = await Imds.GetAsync(attacker, Imds.Credentials + "victim-role");
        var node = await Imds.GetAsync(attacker, Imds.Credentials + "sandbox-node");

        victim.Status.Should().Be(HttpStatusCode.NotFound);
        node.Status.Should().Be(HttpStatusCode.NotFound);
        scene.AssertNothingLeaked(victim.Body + node.Body);
    }

    [Fact]
    public async Task DisallowedRoleInRestrictedNamespace_Gets403_WithEventAndMetric()
    {
        await using var scene = await Scene.StartAsync(["--namespace-restrictions"], c =>
        {
            c.AddNamespace("attack", new Dictionary<string, string> { ["iam.amazonaws.com/allowed-roles"] = """["attack-*"]""" });
            c.AddPod("attack", "mallory-0", AttackerIp, Role("victim-role"));
        });
        var attacker = scene.As(AttackerIp);

        var (status, body) = await Imds.GetAsync(attacker, Imds.Credentials + "victim-role");

        status.Should().Be(HttpStatusCode.Forbidden);
        scene.AssertNothingLeaked(body);
        scene.Cluster.AssumeRoleCalls.Should().Be(1, "only the victim's role was ever assumed");
        await Eventually.HoldsAsync(() => scene.Cluster.Kube.All("Event", "attack").Any(e =>
            e["reason"]?.GetValue<string>() == "IAMRoleDenied" && e["involvedObject"]?["name"]?.GetValue<string>() == "mallory-0"), "a Warning event on the pod");
        (await scene.Daemon.MetricsAsync()).Should().Contain("kube2iam_denials_total{reason=\"namespace\"}");
    }

    [Fact]
    public async Task DefaultRoleOutsideTheNamespacesAllowedList_Gets403()
    {
        await using var scene = await Scene.StartAsync(["--namespace-restrictions", "--default-role", "victim-role"], c =>
        {
            c.AddNamespace("attack", new Dictionary<string, string> { ["iam.amazonaws.com/allowed-roles"] = """["attack-*"]""" });
            c.AddPod("attack", "plain-0", AttackerIp);
            c.AddNamespace("bare");
            c.AddPod("bare", "plain-1", "127.0.0.67");
        });

        var restricted = await Imds.GetAsync(scene.As(AttackerIp), Imds.Credentials + "victim-role");
        var unannotatedNamespace = await Imds.GetAsync(scene.As("127.0.0.67"), Imds.Credentials + "victim-role");

        restricted.Status.Should().Be(HttpStatusCode.Forbidden);
        unannotatedNamespace.Status.Should().Be(HttpStatusCode.Forbidden, "a namespace without the annotation allows no role: restrictions fail closed");
        scene.AssertNothingLeaked(restricted.Body + unannotatedNamespace.Body);
    }

    [Fact]
    public async Task IpReusedByNewPod_WhileTheOldPodIsDeleting_NewPodNeverGetsTheOldRole()
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("victims", "old-0", "127.0.0.30", Role("victim-role"), withFinalizer: true));
        var sameIp = scene.As("127.0.0.30");
        var oldToken = await Imds.TokenAsync(sameIp, 600);
        (await Imds.GetAsync(sameIp, Imds.Credentials, oldToken)).Body.Should().Be("victim-role");

        scene.Cluster.DeletePod("victims", "old-0");
        scene.Cluster.AddPod("attack", "newcomer-0", "127.0.0.30");
        await Eventually.HoldsAsync(async () => (await Imds.GetAsync(sameIp, Imds.Credentials)).Status == HttpStatusCode.NotFound, "the newcomer is the IP's holder");

        var list = await Imds.GetAsync(sameIp, Imds.Credentials);
        var credentials = await Imds.GetAsync(sameIp, Imds.Credentials + "victim-role");
        var withOldToken = await Imds.GetAsync(sameIp, Imds.Credentials + "victim-role", oldToken);

        list.Status.Should().Be(HttpStatusCode.NotFound);
        credentials.Status.Should().Be(HttpStatusCode.NotFound);
        withOldToken.Status.Should().Be(HttpStatusCode.Unauthorized, "the old pod's token is bound to the old pod");
        scene.AssertNothingLeaked(list.Body + credentials.Body + withOldToken.Body);
    }

    [Fact]
    public async Task IpReusedByNewPod_AfterTheOldPodFinished_NewPodGetsOnlyItsOwnRole()
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("victims", "job-0", "127.0.0.31", Role("victim-role")));
        var sameIp = scene.As("127.0.0.31");
        (await Imds.GetAsync(sameIp, Imds.Credentials)).Body.Should().Be("victim-role");

        scene.Cluster.SetPodStatus("victims", "job-0", "Succeeded", "127.0.0.31");
        scene.Cluster.AddPod("attack", "next-0", "127.0.0.31", Role("attacker-role"));
        await Eventually.HoldsAsync(async () => (await Imds.GetAsync(sameIp, Imds.Credentials)).Body == "attacker-role", "the new holder is known");

        var victim = await Imds.GetAsync(sameIp, Imds.Credentials + "victim-role");
        victim.Status.Should().Be(HttpStatusCode.NotFound);
        scene.AssertNothingLeaked(victim.Body);
    }

    [Fact]
    public async Task TwoLivePodsClaimingOneIp_NeitherIsServed()
    {
        await using var scene = await Scene.StartAsync(["--backoff-max-elapsed-time", "200ms"], c =>
        {
            c.AddPod("attack", "twin-a", "127.0.0.32", Role("attacker-role"));
            c.AddPod("victims", "twin-b", "127.0.0.32", Role("victim-role"));
        });

        var (status, body) = await Imds.GetAsync(scene.As("127.0.0.32"), Imds.Credentials + "victim-role");

        status.Should().Be(HttpStatusCode.NotFound);
        scene.AssertNothingLeaked(body);
    }

    [Fact]
    public async Task RequestFromAnIpThatIsNoPodOfThisNode_Gets404()
    {
        await using var scene = await Scene.StartAsync(["--backoff-max-elapsed-time", "200ms"], c =>
        {
            c.AddPod("victims", "elsewhere-0", "127.0.0.40", Role("victim-role"), node: "node-b");
            c.AddPod("kube-system", "host-net-0", "127.0.0.41", Role("victim-role"), hostNetwork: true);
        });

        var nobody = await Imds.GetAsync(scene.As("127.0.0.77"), Imds.Credentials + "victim-role");
        var otherNode = await Imds.GetAsync(scene.As("127.0.0.40"), Imds.Credentials + "victim-role");
        var hostNetwork = await Imds.GetAsync(scene.As("127.0.0.41"), Imds.Credentials + "victim-role");
        var proxied = await Imds.GetAsync(scene.As("127.0.0.77"), "/latest/meta-data/instance-id");

        new[] { nobody.Status, otherNode.Status, hostNetwork.Status, proxied.Status }.Should().AllBeEquivalentTo(HttpStatusCode.NotFound);
        scene.AssertNothingLeaked(nobody.Body + otherNode.Body + hostNetwork.Body);
    }

    [Fact]
    public async Task TokenIssuedToAnotherPod_Gets401()
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("attack", "mallory-0", AttackerIp, Role("attacker-role")));
        var victimToken = await Imds.TokenAsync(scene.As(Scene.VictimIp), 600);

        var (status, body) = await Imds.GetAsync(scene.As(AttackerIp), Imds.Credentials + "attacker-role", victimToken);
        var forged = await Imds.GetAsync(scene.As(AttackerIp), Imds.Credentials + "attacker-role", "AAAAAAAAAAA.forged");

        status.Should().Be(HttpStatusCode.Unauthorized);
        forged.Status.Should().Be(HttpStatusCode.Unauthorized);
        scene.AssertNothingLeaked(body + forged.Body);
    }

    [Fact]
    public async Task ExpiredToken_Gets401()
    {
        await using var scene = await Scene.StartAsync();
        var victim = scene.As(Scene.VictimIp);
        var token = await Imds.TokenAsync(victim, ttl: 1);

        await Eventually.HoldsAsync(async () => (await Imds.GetAsync(victim, Imds.Credentials, token)).Status == HttpStatusCode.Unauthorized,
            "the one-second token expires", TimeSpan.FromSeconds(10));

        var (status, body) = await Imds.GetAsync(victim, Imds.Credentials + "victim-role", token);
        status.Should().Be(HttpStatusCode.Unauthorized);
        body.Should().NotContain("AccessKeyId");
    }

    [Fact]
    public async Task XForwardedForOnTheTokenPut_Gets403()
    {
        await using var scene = await Scene.StartAsync();

        var (status, body) = await RawHttp.SendAsync(Scene.VictimIp, scene.Daemon.Options.AppPort, "PUT", "/latest/api/token",
            "X-aws-ec2-metadata-token-ttl-seconds: 60\r\nX-Forwarded-For: 10.0.0.1\r\n");

        status.Should().Be(403);
        scene.AssertNothingLeaked(body);
    }

    [Fact]
    public async Task UserData_Gets403_AndIsNeverFetched()
    {
        await using var scene = await Scene.StartAsync();

        var (status, body) = await Imds.GetAsync(scene.As(Scene.VictimIp), "/latest/user-data");

        status.Should().Be(HttpStatusCode.Forbidden);
        scene.AssertNothingLeaked(body);
    }

    [Fact]
    public async Task IamInfo_NeverRevealsTheNodesInstanceProfile()
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("attack", "plain-0", AttackerIp));

        var mine = await Imds.GetAsync(scene.As(Scene.VictimIp), "/latest/meta-data/iam/info");
        var none = await Imds.GetAsync(scene.As(AttackerIp), "/latest/meta-data/iam/info");

        mine.Body.Should().Contain("instance-profile/victim-role");
        none.Status.Should().Be(HttpStatusCode.NotFound);
        scene.AssertNothingLeaked(mine.Body + none.Body);
    }

    [Theory]
    [InlineData("/latest/meta-data/iam/security-credentials/victim-role/../sandbox-node", 400)]
    [InlineData("/latest/meta-data/iam/security-credentials/../../../user-data", 400)]
    [InlineData("/latest/meta-data/%2e%2e/user-data", 400)]
    [InlineData("/latest/meta-data/iam/security-credentials/%73andbox-node", 400)]
    [InlineData("//latest/user-data", 400)]
    [InlineData("/latest//user-data", 400)]
    [InlineData("/latest/meta-data/iam//security-credentials/sandbox-node", 400)]
    [InlineData("/latest/meta-data/iam/security-credentials/./sandbox-node", 400)]
    [InlineData("/latest/meta-data/iam\\security-credentials\\sandbox-node", 400)]
    [InlineData("/2016-09-02/meta-data/iam/security-credentials/sandbox-node", 403)]
    [InlineData("/latest/meta-data/identity-credentials/ec2/security-credentials/ec2-instance", 403)]
    [InlineData("/latest/meta-data/iam/security-credentials/sandbox-node", 404)]
    [InlineData("/latest/meta-data/iam/security-credentials/sandbox-node/", 404)]
    [InlineData("/latest/meta-data/iam/security-credentials/victim-role/sandbox-node", 404)]
    [InlineData("/latest/user-data/", 403)]
    [InlineData("/LATEST/user-data", 403)]
    public async Task PathTricks_NeverReachTheNodesSecrets(string target, int expected)
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("attack", "mallory-0", AttackerIp, Role("attacker-role")));

        var (status, body) = await RawHttp.SendAsync(AttackerIp, scene.Daemon.Options.AppPort, "GET", target);

        status.Should().Be(expected);
        scene.AssertNothingLeaked(body);
    }

    [Fact]
    public async Task VeryLongPath_Gets400()
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("attack", "mallory-0", AttackerIp, Role("attacker-role")));

        var (status, body) = await RawHttp.SendAsync(AttackerIp, scene.Daemon.Options.AppPort, "GET", "/latest/meta-data/" + new string('a', 6000));

        status.Should().Be(400);
        scene.AssertNothingLeaked(body);
    }

    [Theory]
    [InlineData("bad-json", "[\"attack-*\"", null)]
    [InlineData("not-an-array", "{\"roles\":\"victim-role\"}", null)]
    [InlineData("huge", null, null)]
    [InlineData("catastrophic-regexp", "[\"arn:aws:iam::123456789012:role/(a|aa)+(a|aa)+(a|aa)+b\"]", "regexp")]
    [InlineData("invalid-regexp", "[\"arn:aws:iam::(\"]", "regexp")]
    public async Task HostileNamespaceAnnotation_DeniesInsteadOfFailingOpen(string what, string? allowed, string? format)
    {
        var role = what == "catastrophic-regexp" ? new string('a', 60) : "victim-role";
        var annotation = allowed ?? "[" + string.Join(',', Enumerable.Repeat("\"victim-*\"", 5000)) + "]";
        await using var scene = await Scene.StartAsync(
            ["--namespace-restrictions", "--namespace-restriction-format", format ?? "glob"],
            c =>
            {
                c.AddNamespace("attack", new Dictionary<string, string> { ["iam.amazonaws.com/allowed-roles"] = annotation });
                c.AddPod("attack", "mallory-0", AttackerIp, Role(role));
            });

        var (status, body) = await Imds.GetAsync(scene.As(AttackerIp), Imds.Credentials + role);

        status.Should().Be(HttpStatusCode.Forbidden, what);
        scene.AssertNothingLeaked(body);
        scene.Cluster.AssumeRoleCalls.Should().Be(1, "no hostile annotation leads to an AssumeRole");
    }

    [Theory]
    [InlineData("invalid-arn", "arn:aws:iam::12345:role/x")]
    [InlineData("wrong-service", "arn:aws:s3:::bucket")]
    [InlineData("huge", null)]
    [InlineData("bad-characters", "role name with spaces")]
    [InlineData("control-characters", "victim-role\nsandbox-node")]
    public async Task HostileRoleAnnotation_Denied(string what, string? value)
    {
        var annotation = value ?? new string('r', 100_000);
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("attack", "mallory-0", AttackerIp, Role(annotation)));

        var list = await Imds.GetAsync(scene.As(AttackerIp), Imds.Credentials);
        var victim = await Imds.GetAsync(scene.As(AttackerIp), Imds.Credentials + "victim-role");

        list.Status.Should().Be(HttpStatusCode.Forbidden, what);
        victim.Status.Should().Be(HttpStatusCode.Forbidden, what);
        scene.AssertNothingLeaked(list.Body + victim.Body);
    }

    [Fact]
    public async Task HostileExternalId_Denied()
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("attack", "mallory-0", AttackerIp, new Dictionary<string, string>
        {
            ["iam.amazonaws.com/role"] = "attacker-role",
            ["iam.amazonaws.com/external-id"] = new string('x', 5000),
        }));

        var (status, body) = await Imds.GetAsync(scene.As(AttackerIp), Imds.Credentials + "attacker-role");

        status.Should().Be(HttpStatusCode.Forbidden);
        scene.AssertNothingLeaked(body);
    }

    [Fact]
    public async Task StsRefusesTheRole_Answers500_NeverNodeCredentials_ErrorCachedBriefly()
    {
        await using var scene = await Scene.StartAsync(["--iam-role-error-ttl", "1m"], c =>
        {
            c.Aws.State.Roles["victim-role"] = null;
            c.AddPod("attack", "mallory-0", AttackerIp, Role("not-trusted"));
        });
        var attacker = scene.As(AttackerIp);
        await Eventually.HoldsAsync(() => scene.Cluster.Aws.Calls.Of("sts", "AssumeRole").Any(c => !c.Succeeded), "the prefetch was refused");

        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await Imds.GetAsync(attacker, Imds.Credentials + "not-trusted"));
        }

        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.InternalServerError);
        scene.AssertNothingLeaked(string.Concat(answers.Select(a => a.Body)));
        scene.Cluster.Aws.Calls.Of("sts", "AssumeRole").Count(c => !c.Succeeded).Should().Be(1, "the refusal is cached for --iam-role-error-ttl");
        (await scene.Daemon.MetricsAsync()).Should().Contain("kube2iam_sts_calls_total{result=\"AccessDenied\"} 1");
    }

    [Fact]
    public async Task HeaderClaimingAnotherSource_IsIgnored()
    {
        await using var scene = await Scene.StartAsync(arrange: c => c.AddPod("attack", "plain-0", AttackerIp));

        var (status, body) = await RawHttp.SendAsync(AttackerIp, scene.Daemon.Options.AppPort, "GET", Imds.Credentials + "victim-role",
            $"X-Forwarded-For: {Scene.VictimIp}\r\nX-Real-IP: {Scene.VictimIp}\r\nForwarded: for={Scene.VictimIp}\r\n");

        status.Should().Be(404);
        scene.AssertNothingLeaked(body);
    }
}

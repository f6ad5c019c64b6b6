using System.Text;
using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests.Iam;

/// <summary>
/// The emulator enforces IAM for role sessions, over the wire, with AWS's timing and throttling on: credentials from
/// AssumeRole (or instance metadata) belong to their role, every call made with them is checked against the role's policies,
/// and a denied call changes nothing. The emulator's own key stays unrestricted.
/// </summary>
public sealed class IamEnforcementTests : IAsyncLifetime
{
    private const string Account = "123456789012";
    private static readonly string[] Subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"];
    private TestAws _aws = null!;

    public async Task InitializeAsync() => _aws = await TestAws.StartAsync(behavior: new AwsBehavior());

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task AllowedAction_Answers_AnotherAction_IsUnauthorizedOperationWithIamsMessage()
    {
        Define("reader", """{"Version":"2012-10-17","Statement":[{"Sid":"Subnets","Effect":"Allow","Action":"ec2:DescribeSubnets","Resource":"*"}]}""");
        var ec2 = new Ec2Client(await SessionAsync("reader", "s1"));

        (await ec2.DescribeSubnetsAsync()).Should().HaveCount(2);
        var denied = await FluentActions.Awaiting(() => ec2.DescribeVpcsAsync()).Should().ThrowAsync<AwsServiceException>();

        denied.Which.Code.Should().Be("UnauthorizedOperation");
        denied.Which.StatusCode.Should().Be(403);
        denied.Which.AwsMessage.Should().Be("You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/reader/s1 " +
            "is not authorized to perform: ec2:DescribeVpcs because no identity-based policy allows the ec2:DescribeVpcs action");
        var calls = _aws.Calls.Of("ec2");
        calls.Should().AllSatisfy(c => c.Principal.Should().Be("arn:aws:sts::123456789012:assumed-role/reader/s1"));
        calls[0].Authorizations.Should().ContainSingle().Which.Should().BeEquivalentTo(new AuthorizationRecord("ec2:DescribeSubnets", "*", "Allow", ["reader-policy#Subnets"]));
        calls[1].Authorizations.Should().ContainSingle().Which.Effect.Should().Be("ImplicitDeny");
    }

    [Fact]
    public async Task ResourceScopedAllow_ReadsTheNamedZone_AndIsAccessDeniedOnAnother()
    {
        string ours, theirs;
        lock (_aws.State.Gate)
        {
            ours = Route53Zones.Create(_aws.State, null, "ours.example.", "a", null, false, []).Id;
            theirs = Route53Zones.Create(_aws.State, null, "theirs.example.", "b", null, false, []).Id;
        }

        Define("dns", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"route53:ListResourceRecordSets","Resource":"arn:aws:route53:::hostedzone/{{ours}}"}]}""");
        var route53 = new Route53Client(await SessionAsync("dns", "session"));

        (await route53.ListResourceRecordSetsAsync(ours)).Should().HaveCount(2, "SOA and NS");
        var denied = await FluentActions.Awaiting(() => route53.ListResourceRecordSetsAsync(theirs)).Should().ThrowAsync<AwsServiceException>();

        denied.Which.Code.Should().Be("AccessDenied");
        denied.Which.StatusCode.Should().Be(403);
        denied.Which.AwsMessage.Should().Be($"User: arn:aws:sts::123456789012:assumed-role/dns/session is not authorized to perform: route53:ListResourceRecordSets " +
            $"on resource: arn:aws:route53:::hostedzone/{theirs} because no identity-based policy allows the route53:ListResourceRecordSets action");
    }

    [Fact]
    public async Task TagConditions_CreateOnlyWithTheClusterTag_TagOnCreateIsAddTags_ChangeOnlyTaggedLoadBalancers()
    {
        const string owned = """{"StringEquals":{"aws:RequestTag/kubernetes.io/cluster/sandbox":"owned"}}""";
        Define("ingress", """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Create","Effect":"Allow","Action":"elasticloadbalancing:CreateLoadBalancer","Resource":"arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*/*","Condition":OWNED},
              {"Sid":"TagOnCreate","Effect":"Allow","Action":"elasticloadbalancing:AddTags","Resource":"*",
               "Condition":{"StringEquals":{"elasticloadbalancing:CreateAction":"CreateLoadBalancer","aws:RequestTag/kubernetes.io/cluster/sandbox":"owned"}}},
              {"Sid":"Own","Effect":"Allow","Action":"elasticloadbalancing:ModifyLoadBalancerAttributes","Resource":"*",
               "Condition":{"StringEquals":{"aws:ResourceTag/kubernetes.io/cluster/sandbox":"owned"}}}]}
            """.Replace("OWNED", owned, StringComparison.Ordinal));
        var elb = new ElbV2Client(await SessionAsync("ingress", "session"));
        var root = new ElbV2Client(_aws.Transport);
        var clusterTag = new Dictionary<string, string> { ["kubernetes.io/cluster/sandbox"] = "owned" };

        var created = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("ours", Subnets) { Tags = clusterTag });
        var untagged = await FluentActions.Awaiting(() => elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("untagged", Subnets))).Should().ThrowAsync<AwsServiceException>();
        var otherTag = await FluentActions.Awaiting(() => elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("other", Subnets)
            { Tags = new Dictionary<string, string> { ["kubernetes.io/cluster/other"] = "owned" } })).Should().ThrowAsync<AwsServiceException>();
        var foreign = await root.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("foreign", Subnets));

        untagged.Which.Code.Should().Be("AccessDenied");
        untagged.Which.AwsMessage.Should().Contain("elasticloadbalancing:CreateLoadBalancer on resource: arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/untagged/*");
        otherTag.Which.AwsMessage.Should().Contain("elasticloadbalancing:CreateLoadBalancer");
        _aws.Calls.Of("elbv2", "CreateLoadBalancer")[0].Authorizations.Select(a => $"{a.Action} {a.Effect} {string.Join(",", a.Statements)}")
            .Should().Equal("elasticloadbalancing:CreateLoadBalancer Allow ingress-policy#Create", "elasticloadbalancing:AddTags Allow ingress-policy#TagOnCreate");
        lock (_aws.State.Gate)
        {
            _aws.State.LoadBalancers.Select(l => l.Name).Should().BeEquivalentTo(["ours", "foreign"], "a denied call creates nothing");
        }

        await elb.ModifyLoadBalancerAttributesAsync(created.Arn, new Dictionary<string, string> { ["idle_timeout.timeout_seconds"] = "120" });
        var notOurs = await FluentActions.Awaiting(() => elb.ModifyLoadBalancerAttributesAsync(foreign.Arn, new Dictionary<string, string> { ["idle_timeout.timeout_seconds"] = "120" }))
            .Should().ThrowAsync<AwsServiceException>();
        notOurs.Which.AwsMessage.Should().Be($"User: arn:aws:sts::123456789012:assumed-role/ingress/session is not authorized to perform: elasticloadbalancing:ModifyLoadBalancerAttributes " +
            $"on resource: {foreign.Arn} because no identity-based policy allows the elasticloadbalancing:ModifyLoadBalancerAttributes action");
    }

    [Fact]
    public async Task TagOnCreate_WithoutAddTagsPermission_IsDeniedOnTheNewResource()
    {
        Define("creator", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"elasticloadbalancing:CreateTargetGroup","Resource":"*"}]}""");
        var elb = new ElbV2Client(await SessionAsync("creator", "session"));

        var denied = await FluentActions.Awaiting(() => elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("web", "HTTP", 80, "vpc-0a1b2c3d4e5f60001")
            { Tags = new Dictionary<string, string> { ["team"] = "web" } })).Should().ThrowAsync<AwsServiceException>();

        denied.Which.AwsMessage.Should().Contain("is not authorized to perform: elasticloadbalancing:AddTags on resource: arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/web/*");
        (await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("web", "HTTP", 80, "vpc-0a1b2c3d4e5f60001"))).Name.Should().Be("web", "without tags no AddTags is needed");
    }

    [Fact]
    public async Task ExplicitDeny_WinsAndSaysSo()
    {
        Define("careful", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"acm:*","Resource":"*"},{"Sid":"NoList","Effect":"Deny","Action":"acm:ListCertificates","Resource":"*"}]}
            """);
        var acm = new AcmClient(await SessionAsync("careful", "session"));

        var denied = await FluentActions.Awaiting(() => acm.ListCertificatesAsync()).Should().ThrowAsync<AwsServiceException>();

        denied.Which.Code.Should().Be("AccessDeniedException");
        denied.Which.StatusCode.Should().Be(400);
        denied.Which.AwsMessage.Should().Be("User: arn:aws:sts::123456789012:assumed-role/careful/session is not authorized to perform: acm:ListCertificates with an explicit deny in an identity-based policy");
    }

    [Fact]
    public async Task RootKey_AndSessionsOfRolesIamDoesNotDefine_AreUnrestricted()
    {
        var undefined = new Ec2Client(await SessionAsync("not-defined", "session"));

        (await new Ec2Client(_aws.Transport).DescribeVpcsAsync()).Should().ContainSingle();
        (await undefined.DescribeVpcsAsync()).Should().ContainSingle();
        _aws.Calls.Of("ec2").Should().AllSatisfy(c => c.Authorizations.Should().BeEmpty());
    }

    [Fact]
    public async Task TrustPolicy_OnlyTheNodeRoleMayAssume_ItsSessionNeedsStsAssumeRole_AndGetCallerIdentityNamesTheSession()
    {
        Define("sandbox-node", """{"Version":"2012-10-17","Statement":[{"Sid":"Pods","Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::123456789012:role/app-*"}]}""");
        Define("app-reader", null, """{"Version":"2012-10-17","Statement":[{"Sid":"Nodes","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/sandbox-node"},"Action":"sts:AssumeRole"}]}""");
        Define("db", null, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""");
        _aws.State.Imds.RoleName = "sandbox-node";
        var node = await NodeStsAsync();
        var root = Sts(AwsEmulator.DefaultCredentials);

        var assumed = await node.AssumeRoleAsync(new AssumeRoleRequest("arn:aws:iam::123456789012:role/app-reader", "demo.app-7c9d"), CancellationToken.None);
        var notTrusted = await FluentActions.Awaiting(() => root.AssumeRoleAsync(new AssumeRoleRequest("arn:aws:iam::123456789012:role/app-reader", "probe"), CancellationToken.None))
            .Should().ThrowAsync<Exception>();
        var notAllowed = await FluentActions.Awaiting(() => node.AssumeRoleAsync(new AssumeRoleRequest("arn:aws:iam::123456789012:role/db", "probe"), CancellationToken.None))
            .Should().ThrowAsync<Exception>();

        assumed.AssumedRoleArn.Should().Be("arn:aws:sts::123456789012:assumed-role/app-reader/demo.app-7c9d");
        notTrusted.Which.Message.Should().Contain("User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/app-reader");
        notAllowed.Which.Message.Should().Contain("User: arn:aws:sts::123456789012:assumed-role/sandbox-node/i-0a1b2c3d4e5f60001 is not authorized to perform: sts:AssumeRole " +
            "on resource: arn:aws:iam::123456789012:role/db because no identity-based policy allows the sts:AssumeRole action", "the trust allows the account, the node's own policy does not");
        _aws.Calls.Of("sts", "AssumeRole")[0].Authorizations.Select(a => $"{a.Action} {a.Effect} {string.Join(",", a.Statements)}")
            .Should().Equal("sts:AssumeRole Allow sandbox-node-policy#Pods", "sts:AssumeRole Allow app-reader-trust#Nodes");
        (await Sts(assumed.Credentials).GetCallerIdentityAsync(CancellationToken.None)).Arn.Should().Be("arn:aws:sts::123456789012:assumed-role/app-reader/demo.app-7c9d");
    }

    [Fact]
    public async Task WebIdentity_TrustPolicyNamesTheProviderAndTheServiceAccount()
    {
        const string provider = "oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
        Define("ingress", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeSubnets","Resource":"*"}]}""", """
            {"Version":"2012-10-17","Statement":[{"Sid":"Sa","Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/PROVIDER"},
             "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"PROVIDER:sub":"system:serviceaccount:aws-integrations:ingress-controller","PROVIDER:aud":"sts.amazonaws.com"}}}]}
            """.Replace("PROVIDER", provider, StringComparison.Ordinal));

        using var trusted = await AssumeWithWebIdentityAsync(Jwt($$"""{"iss":"https://{{provider}}","sub":"system:serviceaccount:aws-integrations:ingress-controller","aud":["sts.amazonaws.com"]}"""));
        using var otherAccount = await AssumeWithWebIdentityAsync(Jwt($$"""{"iss":"https://{{provider}}","sub":"system:serviceaccount:default:web","aud":["sts.amazonaws.com"]}"""));

        ((int)trusted.StatusCode).Should().Be(200);
        ((int)otherAccount.StatusCode).Should().Be(403);
        (await otherAccount.Content.ReadAsStringAsync()).Should().Contain("<Code>AccessDenied</Code>").And.Contain("<Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message>");
        var body = await trusted.Content.ReadAsStringAsync();
        var key = body[(body.IndexOf("<AccessKeyId>", StringComparison.Ordinal) + 13)..body.IndexOf("</AccessKeyId>", StringComparison.Ordinal)];
        lock (_aws.State.Gate)
        {
            _aws.State.Iam.Principals[key].RoleName.Should().Be("ingress");
        }
    }

    [Fact]
    public async Task AdminApi_DefinesARoleWithPolicies_AndRefusesAMalformedOne()
    {
        using var okBody = new StringContent("""
            {"name":"reader","policies":[{"name":"reader-policy","document":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:DescribeVpcs","Resource":"*"}}}]}
            """, Encoding.UTF8, "application/json");
        using var badBody = new StringContent("""
            {"name":"broken","policies":[{"name":"broken-policy","document":"{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Resource\":\"*\"}}"}]}
            """, Encoding.UTF8, "application/json");
        using var ok = await _aws.Http.PostAsync(new Uri(_aws.Emulator.BaseUrl, "/_emulator/roles"), okBody);
        using var bad = await _aws.Http.PostAsync(new Uri(_aws.Emulator.BaseUrl, "/_emulator/roles"), badBody);

        ((int)ok.StatusCode).Should().Be(204);
        ((int)bad.StatusCode).Should().Be(400);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("MalformedPolicyDocument in broken-policy: statement #1 needs exactly one of Action and NotAction");
        var ec2 = new Ec2Client(await SessionAsync("reader", "session"));
        (await ec2.DescribeVpcsAsync()).Should().ContainSingle();
        await FluentActions.Awaiting(() => ec2.DescribeSubnetsAsync()).Should().ThrowAsync<AwsServiceException>();
    }

    [Fact]
    public async Task SeedRole_WithPolicies_IsEnforced_AMalformedOneStopsTheSeed()
    {
        var seed = AwsSeed.Default();
        seed.Roles.Add(new SeedRole
        {
            Name = "reader",
            Policies = [new SeedPolicy { Name = "reader-policy", Document = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:DescribeVpcs","Resource":"*"}}""" }],
        });
        await using var aws = await TestAws.StartAsync(seed: seed, behavior: new AwsBehavior());
        var assumed = await new StsClient(new StaticCredentialsProvider(AwsEmulator.DefaultCredentials), aws.Endpoints, aws.Options)
            .AssumeRoleAsync(new AssumeRoleRequest($"arn:aws:iam::{Account}:role/reader", "session"), CancellationToken.None);
        var ec2 = new Ec2Client(new AwsTransport(aws.Http, new StaticCredentialsProvider(assumed.Credentials), aws.Endpoints, aws.Options));

        (await ec2.DescribeVpcsAsync()).Should().ContainSingle();
        (await FluentActions.Awaiting(() => ec2.DescribeSubnetsAsync()).Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("UnauthorizedOperation");
        seed.Roles[0].Policies[0].Document = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:DescribeVpcs"}}""";
        var broken = () => SeedLoader.Build(seed, TimeProvider.System, AwsEmulator.DefaultCredentials);
        broken.Should().Throw<InvalidDataException>().WithMessage("MalformedPolicyDocument in reader-policy: statement #1 needs exactly one of Resource and NotResource");
    }

    private void Define(string role, string? policy, string? trust = null)
    {
        lock (_aws.State.Gate)
        {
            _aws.State.Iam.Define(Account, role, trust is null ? null : (role + "-trust", trust), policy is null ? [] : [(role + "-policy", policy)]);
        }
    }

    /// <summary>A transport signing with the credentials of a new session of the role (assumed with the emulator's own key).</summary>
    private async Task<AwsTransport> SessionAsync(string role, string session)
    {
        var assumed = await Sts(AwsEmulator.DefaultCredentials).AssumeRoleAsync(new AssumeRoleRequest($"arn:aws:iam::{Account}:role/{role}", session), CancellationToken.None);
        return new AwsTransport(_aws.Http, new StaticCredentialsProvider(assumed.Credentials), _aws.Endpoints, _aws.Options);
    }

    private StsClient Sts(AwsCredentials credentials) => new(new StaticCredentialsProvider(credentials), _aws.Endpoints, _aws.Options);

    /// <summary>STS signed with the node role's credentials from instance metadata (what Kube2Iam uses on a node).</summary>
    private async Task<StsClient> NodeStsAsync()
    {
        var imds = new InstanceMetadataClient(_aws.Http, _aws.Emulator.BaseUrl.ToString(), TimeProvider.System, new AwsMetrics());
        var credentials = await imds.GetRoleCredentialsAsync(await imds.GetRoleNameAsync(CancellationToken.None), CancellationToken.None);
        return Sts(new AwsCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.Token));
    }

    private async Task<HttpResponseMessage> AssumeWithWebIdentityAsync(string token)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRoleWithWebIdentity", ["Version"] = "2011-06-15", ["RoleArn"] = $"arn:aws:iam::{Account}:role/ingress",
            ["RoleSessionName"] = "session", ["WebIdentityToken"] = token,
        });
        return await _aws.Http.PostAsync(_aws.Emulator.BaseUrl, content);
    }

    private static string Jwt(string payload)
    {
        static string Encode(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode("""{"alg":"RS256","kid":"k"}""")}.{Encode(payload)}.c2lnbmF0dXJl";
    }
}

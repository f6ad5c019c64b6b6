using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests.Iam;

/// <summary>
/// IAM's policy evaluation as the IAM user guide states it (each rule cites its page in the evaluator's own comments):
/// explicit deny wins, default deny, wildcards in actions and ARNs, and the condition operators the deploy/ policies use.
/// </summary>
public sealed class PolicyEvaluatorTests
{
    private const string Lb = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/shop/50dc6c495c0c9188";

    [Fact]
    public void NoStatementApplies_IsDeniedByDefault()
    {
        var decision = Evaluate("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:DescribeSubnets","Resource":"*"}}""",
            Request("ec2:DescribeVpcs"));

        decision.Effect.Should().Be(AuthorizationEffect.ImplicitDeny);
        decision.Statements.Should().BeEmpty();
    }

    [Fact]
    public void ExplicitDeny_WinsOverAnAllowInAnotherPolicy()
    {
        var allow = Policy("allow", """{"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":"elasticloadbalancing:*","Resource":"*"}]}""");
        var deny = Policy("deny", """{"Version":"2012-10-17","Statement":[{"Sid":"NoDeletes","Effect":"Deny","Action":"elasticloadbalancing:Delete*","Resource":"*"}]}""");

        var denied = PolicyEvaluator.Evaluate([allow, deny], Request("elasticloadbalancing:DeleteLoadBalancer", Lb));

        denied.Effect.Should().Be(AuthorizationEffect.ExplicitDeny);
        denied.Statements.Should().Equal("deny#NoDeletes");
        PolicyEvaluator.Evaluate([allow, deny], Request("elasticloadbalancing:CreateListener", Lb)).Statements.Should().Equal("allow#All");
    }

    [Theory]
    [InlineData("elasticloadbalancing:Describe*", "elasticloadbalancing:DescribeTags", true)]
    [InlineData("elasticloadbalancing:describeTAGS", "elasticloadbalancing:DescribeTags", true)] // action names are not case-sensitive
    [InlineData("elasticloadbalancing:Describe?ags", "elasticloadbalancing:DescribeTags", true)]
    [InlineData("elasticloadbalancing:Describe*", "elasticloadbalancing:AddTags", false)]
    [InlineData("*", "route53:ListHostedZones", true)]
    public void Actions_MatchWithWildcardsAndWithoutCase(string pattern, string action, bool allowed)
    {
        Evaluate($$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"{{{pattern}}}","Resource":"*"}}""", Request(action))
            .Allowed.Should().Be(allowed);
    }

    [Fact]
    public void NotAction_CoversEveryOtherAction()
    {
        var policy = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"elasticloadbalancing:Delete*","Resource":"*"}}""";

        Evaluate(policy, Request("elasticloadbalancing:CreateLoadBalancer", Lb)).Allowed.Should().BeTrue();
        Evaluate(policy, Request("elasticloadbalancing:DeleteLoadBalancer", Lb)).Allowed.Should().BeFalse();
    }

    [Theory]
    [InlineData("arn:aws:elasticloadbalancing:*:123456789012:loadbalancer/app/*/*", Lb, true)]
    [InlineData("arn:aws:elasticloadbalancing:*:123456789012:loadbalancer/app/*", Lb, true)] // the resource segment may hold slashes
    [InlineData("arn:aws:elasticloadbalancing:*:210987654321:loadbalancer/app/*/*", Lb, false)] // another account
    [InlineData("arn:aws:elasticloadbalancing:*:*:targetgroup/*/*", Lb, false)]
    [InlineData("arn:aws:elasticloadbalancing:eu-*:*:loadbalancer/APP/*/*", Lb, false)] // resources are case-sensitive
    [InlineData("arn:aws:elasticloadbalancing:*", Lb, false)] // a wildcard does not span the ARN's colons
    [InlineData("arn:aws:route53:::hostedzone/Z0123456789EXAMPLE", "arn:aws:route53:::hostedzone/Z0123456789EXAMPLE", true)]
    [InlineData("arn:aws:route53:::hostedzone/Z0123456789EXAMPLE", "arn:aws:route53:::hostedzone/Z0OTHER", false)]
    public void Resources_MatchSegmentBySegment(string pattern, string resource, bool allowed)
    {
        Evaluate($$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"{{{pattern}}}"}}""", Request("elasticloadbalancing:DeleteLoadBalancer", resource))
            .Allowed.Should().Be(allowed);
    }

    [Fact]
    public void ResourceTagCondition_AllowsOnlyTheClustersOwnResources()
    {
        var policy = """
            {"Version":"2012-10-17","Statement":{"Sid":"Own","Effect":"Allow","Action":"elasticloadbalancing:DeleteLoadBalancer","Resource":"*",
             "Condition":{"StringEquals":{"aws:ResourceTag/kubernetes.io/cluster/sandbox":"owned"}}}}
            """;

        Evaluate(policy, Request("elasticloadbalancing:DeleteLoadBalancer", Lb, ("aws:ResourceTag/kubernetes.io/cluster/sandbox", ["owned"])))
            .Statements.Should().Equal("p#Own");
        Evaluate(policy, Request("elasticloadbalancing:DeleteLoadBalancer", Lb, ("aws:ResourceTag/kubernetes.io/cluster/sandbox", ["shared"]))).Allowed.Should().BeFalse();
        Evaluate(policy, Request("elasticloadbalancing:DeleteLoadBalancer", Lb)).Allowed.Should().BeFalse("a resource without the tag is not the cluster's");
        Evaluate(policy, Request("elasticloadbalancing:DeleteLoadBalancer", Lb, ("AWS:RESOURCETAG/kubernetes.io/cluster/sandbox", ["owned"])))
            .Allowed.Should().BeTrue("condition key names are not case-sensitive");
    }

    [Fact]
    public void MissingKey_FailsPositiveOperators_SatisfiesNegatedAndIfExists()
    {
        string Policy(string op) => """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"OP":{"aws:RequestTag/team":"web"}}}}""".Replace("OP", op, StringComparison.Ordinal);

        Evaluate(Policy("StringEquals"), Request("x:Y")).Allowed.Should().BeFalse();
        Evaluate(Policy("StringNotEquals"), Request("x:Y")).Allowed.Should().BeTrue();
        Evaluate(Policy("StringEqualsIfExists"), Request("x:Y")).Allowed.Should().BeTrue();
        Evaluate(Policy("StringEqualsIfExists"), Request("x:Y", "*", ("aws:RequestTag/team", ["db"]))).Allowed.Should().BeFalse();
    }

    [Fact]
    public void Null_TestsWhetherTheKeyIsThere()
    {
        string Policy(string value) => """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:RequestTag/team":"VALUE"}}}}""".Replace("VALUE", value, StringComparison.Ordinal);

        Evaluate(Policy("true"), Request("x:Y")).Allowed.Should().BeTrue();
        Evaluate(Policy("true"), Request("x:Y", "*", ("aws:RequestTag/team", ["web"]))).Allowed.Should().BeFalse();
        Evaluate(Policy("false"), Request("x:Y", "*", ("aws:RequestTag/team", ["web"]))).Allowed.Should().BeTrue();
        Evaluate(Policy("false"), Request("x:Y")).Allowed.Should().BeFalse();
    }

    [Fact]
    public void ForAllValues_EveryValueMatches_AndAMissingKeyMatches_ForAnyValue_NeedsOne()
    {
        var all = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}}}""";
        var any = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringLike":{"aws:TagKeys":["team*"]}}}}""";

        Evaluate(all, Request("x:Y", "*", ("aws:TagKeys", ["a", "b"]))).Allowed.Should().BeTrue();
        Evaluate(all, Request("x:Y", "*", ("aws:TagKeys", ["a", "c"]))).Allowed.Should().BeFalse();
        Evaluate(all, Request("x:Y")).Allowed.Should().BeTrue("ForAllValues is true when the key is missing");
        Evaluate(any, Request("x:Y", "*", ("aws:TagKeys", ["owner", "team-web"]))).Allowed.Should().BeTrue();
        Evaluate(any, Request("x:Y", "*", ("aws:TagKeys", ["owner"]))).Allowed.Should().BeFalse();
        Evaluate(any, Request("x:Y")).Allowed.Should().BeFalse("ForAnyValue is false when the key is missing");
    }

    [Fact]
    public void SeveralKeysAreAnded_SeveralValuesOfAKeyAreOred()
    {
        var policy = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"elasticloadbalancing:AddTags","Resource":"*",
             "Condition":{"StringEquals":{"elasticloadbalancing:CreateAction":["CreateLoadBalancer","CreateTargetGroup"],"aws:RequestTag/owner":"me"}}}}
            """;

        Evaluate(policy, Request("elasticloadbalancing:AddTags", Lb, ("elasticloadbalancing:CreateAction", ["CreateTargetGroup"]), ("aws:RequestTag/owner", ["me"]))).Allowed.Should().BeTrue();
        Evaluate(policy, Request("elasticloadbalancing:AddTags", Lb, ("elasticloadbalancing:CreateAction", ["CreateTargetGroup"]))).Allowed.Should().BeFalse();
        Evaluate(policy, Request("elasticloadbalancing:AddTags", Lb, ("aws:RequestTag/owner", ["me"]))).Allowed.Should().BeFalse("without CreateAction it is a direct AddTags");
    }

    [Fact]
    public void StringLike_AndArnLike_UseWildcards_StringEqualsDoesNot()
    {
        string Policy(string op, string value) => """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"OP":{"aws:PrincipalArn":"VALUE"}}}}"""
            .Replace("OP", op, StringComparison.Ordinal).Replace("VALUE", value, StringComparison.Ordinal);
        var principal = ("aws:PrincipalArn", (IReadOnlyList<string>)["arn:aws:iam::123456789012:role/sandbox-node"]);

        Evaluate(Policy("StringLike", "arn:aws:iam::*:role/*-node"), Request("x:Y", "*", principal)).Allowed.Should().BeTrue();
        Evaluate(Policy("ArnLike", "arn:aws:iam::123456789012:role/sandbox-*"), Request("x:Y", "*", principal)).Allowed.Should().BeTrue();
        Evaluate(Policy("StringEquals", "arn:aws:iam::*:role/*-node"), Request("x:Y", "*", principal)).Allowed.Should().BeFalse();
        Evaluate(Policy("StringEqualsIgnoreCase", "ARN:AWS:IAM::123456789012:ROLE/SANDBOX-NODE"), Request("x:Y", "*", principal)).Allowed.Should().BeTrue();
    }

    [Fact]
    public void TrustPolicy_MatchesARolesSessions_TheAccountRoot_AndAFederatedProvider()
    {
        var node = new RequestPrincipal("AWS", ["arn:aws:sts::123456789012:assumed-role/sandbox-node/i-0a1b", "arn:aws:iam::123456789012:role/sandbox-node"], "123456789012");
        var other = new RequestPrincipal("AWS", ["arn:aws:sts::123456789012:assumed-role/app/s", "arn:aws:iam::123456789012:role/app"], "123456789012");
        var byRole = Trust("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/sandbox-node"},"Action":"sts:AssumeRole"}}""");
        var byAccount = Trust("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}}""");
        var byProvider = Trust("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.example/id/1"},"Action":"sts:AssumeRoleWithWebIdentity"}}""");

        Assume(byRole, node).Allowed.Should().BeTrue("a role principal matches the role's sessions");
        Assume(byRole, other).Allowed.Should().BeFalse();
        Assume(byAccount, other).Allowed.Should().BeTrue("the account root stands for every principal of the account");
        Assume(byProvider, node).Allowed.Should().BeFalse();
        PolicyEvaluator.Evaluate([byProvider], new AuthorizationRequest("sts:AssumeRoleWithWebIdentity", "arn:aws:iam::123456789012:role/r", AuthorizationRequest.NewContext())
        {
            Principal = new RequestPrincipal("Federated", ["arn:aws:iam::123456789012:oidc-provider/oidc.example/id/1"], null),
        }).Allowed.Should().BeTrue();
    }

    private static AuthorizationDecision Assume(PolicyDocument trust, RequestPrincipal principal) =>
        PolicyEvaluator.Evaluate([trust], new AuthorizationRequest("sts:AssumeRole", "arn:aws:iam::123456789012:role/r", AuthorizationRequest.NewContext()) { Principal = principal });

    private static AuthorizationDecision Evaluate(string json, AuthorizationRequest request) => PolicyEvaluator.Evaluate([Policy("p", json)], request);

    private static PolicyDocument Policy(string name, string json) => PolicyDocument.Parse(name, json, PolicyKind.Identity);

    private static PolicyDocument Trust(string json) => PolicyDocument.Parse("trust", json, PolicyKind.Trust);

    private static AuthorizationRequest Request(string action, string resource = "*", params (string Key, IReadOnlyList<string> Values)[] keys)
    {
        var context = AuthorizationRequest.NewContext();
        foreach (var (key, values) in keys)
        {
            context[key] = values;
        }

        return new AuthorizationRequest(action, resource, context);
    }
}

using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Aws.Tests.Wafv2;

public sealed class Wafv2ClientTests : IAsyncLifetime
{
    private static readonly string[] Subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"];
    private TestAws _aws = null!;
    private Wafv2Client _waf = null!;
    private string _alb = null!;

    public async Task InitializeAsync()
    {
        _aws = await TestAws.StartAsync(seed: SeedWithAcls("shop-acl", "blog-acl"));
        _waf = new Wafv2Client(_aws.Transport);
        _alb = (await new ElbV2Client(_aws.Transport).CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", Subnets))).Arn;
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private static AwsSeed SeedWithAcls(params string[] names)
    {
        var seed = AwsSeed.Default();
        seed.WebAcls = [.. names.Select(n => new SeedWebAcl { Name = n })];
        return seed;
    }

    private string Acl(string name)
    {
        lock (_aws.State.Gate)
        {
            return _aws.State.WebAcls.Single(a => a.Name == name).Arn;
        }
    }

    [Fact]
    public async Task Associate_ThenGet_ReturnsTheAcl_AndDisassociateRemovesIt()
    {
        var before = await _waf.GetWebAclForResourceAsync(_alb);
        await _waf.AssociateWebAclAsync(Acl("shop-acl"), _alb);
        var associated = await _waf.GetWebAclForResourceAsync(_alb);
        await _waf.DisassociateWebAclAsync(_alb);
        var after = await _waf.GetWebAclForResourceAsync(_alb);

        before.Should().BeNull("a new load balancer has no web ACL");
        associated!.Arn.Should().Be(Acl("shop-acl"));
        associated.Name.Should().Be("shop-acl");
        after.Should().BeNull();
        _aws.Calls.All.Select(c => c.Service).Distinct().Should().Equal("elbv2", "wafv2");
    }

    [Fact]
    public async Task Associate_AnotherAcl_ReplacesTheFirst()
    {
        await _waf.AssociateWebAclAsync(Acl("shop-acl"), _alb);
        await _waf.AssociateWebAclAsync(Acl("blog-acl"), _alb);

        (await _waf.GetWebAclForResourceAsync(_alb))!.Name.Should().Be("blog-acl");
    }

    [Fact]
    public async Task Associate_UnknownAcl_IsWafNonexistentItemException()
    {
        var unknown = $"arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/nope/{Guid.NewGuid()}";

        var act = () => _waf.AssociateWebAclAsync(unknown, _alb);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("WAFNonexistentItemException");
    }

    [Theory]
    [InlineData("0123456789abcdef-classic-waf-id")]
    [InlineData("arn:aws:waf-regional:eu-central-1:123456789012:webacl/0123")]
    public async Task Associate_MalformedAclArn_IsWafInvalidParameterException(string acl)
    {
        var act = () => _waf.AssociateWebAclAsync(acl, _alb);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("WAFInvalidParameterException");
    }

    [Fact]
    public async Task Get_MalformedResourceArn_IsWafInvalidParameterException_AndUnknownLoadBalancerIsNonexistent()
    {
        var malformed = () => _waf.GetWebAclForResourceAsync("arn:aws:s3:::a-bucket-not-a-load-balancer");
        var gone = () => _waf.GetWebAclForResourceAsync(_alb.Replace("/web/", "/gone/", StringComparison.Ordinal));

        (await malformed.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("WAFInvalidParameterException");
        (await gone.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("WAFNonexistentItemException");
    }

    [Fact]
    public async Task DeletingTheLoadBalancer_DropsItsAssociation()
    {
        await _waf.AssociateWebAclAsync(Acl("shop-acl"), _alb);

        await new ElbV2Client(_aws.Transport).DeleteLoadBalancerAsync(_alb);

        lock (_aws.State.Gate)
        {
            _aws.State.WebAclAssociations.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task RateLimit_WafCallsWaitForTheirTokens_AtTheConfiguredRate()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await TestAws.StartAsync(o => { o.Wafv2Rps = 0.5; o.RateBurstSeconds = 2; }, SeedWithAcls("shop-acl"), clientTime: clock);
        var waf = new Wafv2Client(aws.Transport);
        var alb = (await new ElbV2Client(aws.Transport).CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", Subnets))).Arn;

        await waf.GetWebAclForResourceAsync(alb); // the burst of one token
        var second = waf.GetWebAclForResourceAsync(alb);
        await Task.Delay(100);
        second.IsCompleted.Should().BeFalse("at 0.5 requests per second the next token comes after 2 s");

        clock.Advance(TimeSpan.FromSeconds(2));
        (await second).Should().BeNull();
        aws.Calls.Of("wafv2").Should().HaveCount(2);
    }
}

namespace AwsIntegrations.Aws.Tests.ElbV2;

/// <summary>What callers see when AWS throttles: half the calls throttled still succeed; all throttled fails typed and counted.</summary>
public sealed class ThrottlingStormTests : IAsyncLifetime
{
    private TestAws _aws = null!;

    public async Task InitializeAsync() => _aws = await TestAws.StartAsync();

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task HalfOfCallsThrottled_EveryCallSucceedsWithinTheRetryBudget()
    {
        var elb = new ElbV2Client(_aws.Transport);
        _aws.Emulator.Faults.Throttle("elbv2", "DescribeLoadBalancers", percent: 50);

        // A reconcile loop's calls, one after the other, with the default 3 attempts.
        for (var i = 0; i < 40; i++)
        {
            await elb.DescribeLoadBalancersAsync();
        }

        var calls = _aws.Calls.Of("elbv2", "DescribeLoadBalancers");
        calls.Count(c => c.Succeeded).Should().Be(40);
        calls.Count(c => c.Result == "Throttling").Should().Be(39, "the first request passes, then every other one is throttled (and retried)");
        _aws.Transport.Quota.Available.Should().Be(500, "each retried success gave its retry cost back");
    }

    [Fact]
    public async Task HalfOfCallsThrottled_ConcurrentCallers_SucceedWithMoreAttempts()
    {
        _aws.Options.MaxAttempts = 20;
        var transport = new AwsTransport(_aws.Http, new StaticCredentialsProvider(Emulators.Aws.AwsEmulator.DefaultCredentials), _aws.Endpoints, _aws.Options);
        var elb = new ElbV2Client(transport);
        _aws.Emulator.Faults.Throttle("elbv2", "DescribeLoadBalancers", percent: 50);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => elb.DescribeLoadBalancersAsync()));

        var calls = _aws.Calls.Of("elbv2", "DescribeLoadBalancers");
        calls.Count(c => c.Succeeded).Should().Be(20);
        calls.Count(c => c.Result == "Throttling").Should().BeInRange(19, 20, "the emulator throttles exactly every other request");
    }

    [Fact]
    public async Task EveryCallThrottled_TypedThrottlingErrorAfterConfiguredAttempts()
    {
        _aws.Options.MaxAttempts = 5;
        var transport = new AwsTransport(_aws.Http, new StaticCredentialsProvider(Emulators.Aws.AwsEmulator.DefaultCredentials), _aws.Endpoints, _aws.Options);
        var elb = new ElbV2Client(transport);
        _aws.Emulator.Faults.Throttle("elbv2", null, percent: 100);

        var act = () => elb.DescribeTargetGroupsAsync();

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("Throttling");
        error.IsThrottling.Should().BeTrue();
        error.Attempts.Should().Be(5);
        error.StatusCode.Should().Be(400);
        _aws.Calls.Count("elbv2", "DescribeTargetGroups").Should().Be(5);
    }

    [Fact]
    public async Task Ec2StyleThrottling_RequestLimitExceeded_IsRetried()
    {
        var elb = new ElbV2Client(_aws.Transport);
        _aws.Emulator.Faults.FailNext("elbv2", "DescribeLoadBalancers", 2, "RequestLimitExceeded", 503);

        await elb.DescribeLoadBalancersAsync();

        _aws.Calls.Count("elbv2", "DescribeLoadBalancers").Should().Be(3);
    }
}

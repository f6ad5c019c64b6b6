using AwsIntegrations.Hosting.RateLimiting;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Aws.Tests.Retry;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 0.5, 0.5)]
    [InlineData(2, 0.5, 1.0)]
    [InlineData(3, 1.0, 4.0)]
    [InlineData(10, 1.0, 20.0)]
    [InlineData(40, 0.25, 5.0)]
    public void Delay_FullJitterExponential_CappedAt20Seconds(int retry, double random, double expectedSeconds)
    {
        Backoff.Delay(retry, random, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20)).TotalSeconds.Should().BeApproximately(expectedSeconds, 1e-9);
    }

    [Theory]
    [InlineData("Throttling", 400, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("RequestLimitExceeded", 503, true)]
    [InlineData("TooManyRequestsException", 400, true)]
    [InlineData("PriorRequestNotComplete", 400, true)]
    [InlineData("Anything", 429, true)]
    [InlineData("InternalFailure", 500, true)]
    [InlineData("ServiceUnavailable", 503, true)]
    [InlineData("Whatever", 502, true)]
    [InlineData("LoadBalancerNotFound", 400, false)]
    [InlineData("InvalidChangeBatch", 400, false)]
    [InlineData("AccessDenied", 403, false)]
    public void IsRetryable_StandardModeCodes(string code, int status, bool expected)
    {
        RetryClassifier.IsRetryable(code, status).Should().Be(expected);
    }

    [Fact]
    public void RetryQuota_EmptiesAfterRepeatedRetries_AndRefillsOnSuccess()
    {
        var quota = new RetryQuota(12);

        quota.TryAcquire(afterTimeout: false).Should().Be(5);
        quota.TryAcquire(afterTimeout: false).Should().Be(5);
        quota.TryAcquire(afterTimeout: false).Should().Be(0, "only 2 tokens are left");
        quota.Release(5);
        quota.Available.Should().Be(7);
        quota.TryAcquire(afterTimeout: true).Should().Be(0, "a retry after a timeout costs 10");
        quota.Release(0);
        quota.Available.Should().Be(8, "a first-try success gives one token back");
    }

    [Fact]
    public async Task TokenBucket_BurstThenRate_WaitsForTheClock()
    {
        var time = new TimerTrackingTimeProvider();
        var bucket = new TokenBucket(qps: 2, burst: 2, time);

        await bucket.AcquireAsync(CancellationToken.None);
        await bucket.AcquireAsync(CancellationToken.None);
        var third = bucket.AcquireAsync(CancellationToken.None).AsTask();
        await Eventually.HoldsAsync(() => time.ArmedTimers > 0, "the third request waits on the rate limit");
        third.IsCompleted.Should().BeFalse();

        time.Advance(TimeSpan.FromMilliseconds(500));

        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TokenBucket_ZeroRate_IsUnlimited()
    {
        var bucket = new TokenBucket(0, 0, new TimerTrackingTimeProvider());

        for (var i = 0; i < 1000; i++)
        {
            await bucket.AcquireAsync(CancellationToken.None);
        }
    }
}

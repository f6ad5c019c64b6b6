using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Hosting.RateLimiting;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Client;

public sealed class TokenBucketTests : EmulatorTest
{
    private readonly TimerTrackingTimeProvider _clock = new();

    [Fact]
    public void Reserve_BurstThenQps_WaitsGrowInArrivalOrder()
    {
        var bucket = new TokenBucket(qps: 2, burst: 3, _clock);

        var waits = Enumerable.Range(0, 5).Select(_ => bucket.Reserve()).ToList();

        waits.Should().Equal(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Reserve_AfterIdleTime_RefillsUpToTheBurstOnly()
    {
        var bucket = new TokenBucket(qps: 10, burst: 2, _clock);
        bucket.Reserve();
        bucket.Reserve();

        _clock.Advance(TimeSpan.FromMinutes(1));

        bucket.Reserve().Should().Be(TimeSpan.Zero);
        bucket.Reserve().Should().Be(TimeSpan.Zero);
        bucket.Reserve().Should().Be(TimeSpan.FromSeconds(0.1));
    }

    [Fact]
    public void Reserve_QpsZero_IsUnlimited()
    {
        var bucket = new TokenBucket(qps: 0, burst: 1, _clock);

        Enumerable.Range(0, 100).Select(_ => bucket.Reserve()).Should().OnlyContain(w => w == TimeSpan.Zero);
    }

    [Fact]
    public async Task Client_QpsLimit_HoldsRequestsBeyondTheBurstUntilTokensRefill()
    {
        using var client = NewConnection(new KubernetesClientSettings { Qps = 1, Burst = 2, Time = _clock });

        var requests = Enumerable.Range(0, 3).Select(_ => client.Client.CoreV1.ReadNamespacedPodAsync("x", "default").NullIfNotFound()).ToList();
        await Eventually.HoldsAsync(() => Kube.Requests.Count == 2 && _clock.ArmedTimers >= 1, "two requests pass, the third waits");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(requests);

        Kube.Requests.Should().HaveCount(3);
    }
}

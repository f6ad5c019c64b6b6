using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Filters;

namespace AwsIntegrations.Router.Tests.Filters;

public sealed class SlidingWindowLimiterTests
{
    [Fact]
    public void TryAcquire_OverTheLimit_RefusedUntilTheOldestRequestLeavesTheWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(3, TimeSpan.FromMinutes(1), time);

        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire("203.0.113.7", out _).Should().BeTrue();
            time.Advance(TimeSpan.FromSeconds(10));
        }

        limiter.TryAcquire("203.0.113.7", out var retryAfter).Should().BeFalse();
        retryAfter.Should().Be(TimeSpan.FromSeconds(30), "the first request was 30 s ago and leaves the 1-minute window in 30 s");
        limiter.TryAcquire("198.51.100.1", out _).Should().BeTrue("every client has its own count");

        time.Advance(TimeSpan.FromSeconds(30));
        limiter.TryAcquire("203.0.113.7", out _).Should().BeTrue();
        limiter.TryAcquire("203.0.113.7", out _).Should().BeFalse("the window slides: the second request is still in it");
    }

    [Fact]
    public void TryAcquire_AfterTenIdleWindows_IdleClientsAreForgotten()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(2, TimeSpan.FromSeconds(1), time);
        limiter.TryAcquire("a", out _);
        limiter.TryAcquire("b", out _);

        time.Advance(TimeSpan.FromSeconds(11));
        limiter.TryAcquire("c", out _);

        limiter.Clients.Should().Be(1, "only the client seen within the last window is kept");
    }
}

using Microsoft.Extensions.Time.Testing;
using System.Diagnostics.Metrics;
using AwsIntegrations.Aws;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Credentials;
using AwsIntegrations.Kube2Iam.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace AwsIntegrations.Kube2Iam.Tests.Unit;

/// <summary>The cache against the emulator's real STS, on a clock the test moves (the emulator issues expiries on the same clock).</summary>
public sealed class CredentialCacheTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private AwsEmulator _aws = null!;
    private StsClient _sts = null!;

    // Meters of our own: the shared static meters would show up in the /metrics of daemons other tests run in this process.
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private CredentialKey Key(string role = "app-role", string session = "shop.web-0") => new($"arn:aws:iam::{_aws.State.AccountId}:role/{role}", null, session);

    private int AssumeRoleCalls => _aws.Calls.Count("sts", "AssumeRole");

    public async Task InitializeAsync()
    {
        _aws = await AwsEmulator.StartAsync(0, time: _time);
        _sts = new StsClient(new StaticCredentialsProvider(AwsEmulator.DefaultCredentials),
            new EndpointResolver(_aws.State.Region, _aws.BaseUrl.ToString().TrimEnd('/')), new AwsOptions { MaxAttempts = 1 }, new AwsMetrics(_meters.GetRequiredService<IMeterFactory>()));
    }

    public async Task DisposeAsync()
    {
        _sts.Dispose();
        await _meters.DisposeAsync();
        await _aws.DisposeAsync();
    }

    private CredentialCache NewCache(TimeSpan? errorTtl = null) =>
        new(_sts, new CredentialCacheSettings(TimeSpan.FromMinutes(15), errorTtl ?? TimeSpan.FromSeconds(5)), _time, new Kube2IamMetrics(_meters.GetRequiredService<IMeterFactory>()));

    [Fact]
    public async Task GetAsync_Twice_OneStsCall_SameCredentials()
    {
        var cache = NewCache();

        var first = await cache.GetAsync(Key());
        var second = await cache.GetAsync(Key());

        AssumeRoleCalls.Should().Be(1);
        second.Role!.Credentials.Should().Be(first.Role!.Credentials);
        (first.ValidUntil - _time.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(30), "STS sessions last twice --iam-role-session-ttl");
    }

    [Fact]
    public async Task GetAsync_ManyAtOnceWhileStsIsSlow_OneStsCall()
    {
        _aws.Faults.AddLatency("sts", "AssumeRole", TimeSpan.FromMilliseconds(300));
        var cache = NewCache();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetAsync(Key())));

        AssumeRoleCalls.Should().Be(1, "one STS call in flight per key");
        results.Select(r => r.Role!.Credentials.AccessKeyId).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Key_DiffersBySessionAndExternalId_SeparateSessions()
    {
        var cache = NewCache();

        var a = await cache.GetAsync(Key(session: "shop.web-0"));
        var b = await cache.GetAsync(Key(session: "shop.web-1"));
        var c = await cache.GetAsync(Key(session: "shop.web-0") with { ExternalId = "other" });

        AssumeRoleCalls.Should().Be(3);
        new[] { a, b, c }.Select(r => r.Role!.Credentials.AccessKeyId).Distinct().Should().HaveCount(3);
    }

    [Fact]
    public async Task GetAsync_FewerThan15MinutesLeft_FetchesFreshOnes()
    {
        var cache = NewCache();
        var first = await cache.GetAsync(Key());

        _time.Advance(TimeSpan.FromMinutes(16));
        var second = await cache.GetAsync(Key());

        AssumeRoleCalls.Should().Be(2);
        second.Role!.Credentials.AccessKeyId.Should().NotBe(first.Role!.Credentials.AccessKeyId);
        (second.ValidUntil - _time.GetUtcNow()).Should().BeGreaterThanOrEqualTo(CredentialCache.MinimumRemaining);
    }

    [Fact]
    public async Task RefreshAsync_LiveKeyInsideTheRefreshWindow_RenewedBeforeAnyRequestWaits()
    {
        var cache = NewCache();
        var first = await cache.GetAsync(Key());

        _time.Advance(TimeSpan.FromMinutes(9));
        await cache.RefreshAsync(new Dictionary<CredentialKey, string> { [Key()] = Key().SessionName! });
        AssumeRoleCalls.Should().Be(1, "21 minutes left is outside the 20-minute refresh window");

        _time.Advance(TimeSpan.FromMinutes(2));
        await cache.RefreshAsync(new Dictionary<CredentialKey, string> { [Key()] = Key().SessionName! });
        AssumeRoleCalls.Should().Be(2, "19 minutes left: refreshed in the background");

        _time.Advance(TimeSpan.FromMinutes(5));
        var served = await cache.GetAsync(Key());
        AssumeRoleCalls.Should().Be(2, "the request was answered from the refreshed entry");
        served.Role!.Credentials.AccessKeyId.Should().NotBe(first.Role!.Credentials.AccessKeyId);
        (served.ValidUntil - _time.GetUtcNow()).Should().BeGreaterThanOrEqualTo(CredentialCache.MinimumRemaining);
    }

    [Fact]
    public async Task RefreshAsync_KeyNoPodUses_ForgottenAfterTheTtl()
    {
        var cache = NewCache();
        await cache.GetAsync(Key());

        _time.Advance(TimeSpan.FromMinutes(16));
        await cache.RefreshAsync(new Dictionary<CredentialKey, string>());

        cache.Count.Should().Be(0);
        AssumeRoleCalls.Should().Be(1, "nothing is refreshed for a role no pod uses");
    }

    [Fact]
    public async Task Prefetch_ThenGet_NoWaitOnSts()
    {
        var cache = NewCache();

        cache.Prefetch(Key());
        await Eventually.HoldsAsync(() => AssumeRoleCalls == 1, "the prefetch reached STS");
        await Eventually.HoldsAsync(() => cache.Peek(Key()) is { Succeeded: true }, "the prefetched entry is cached");

        var task = cache.GetAsync(Key());
        task.IsCompletedSuccessfully.Should().BeTrue("a prefetched key answers synchronously");
        AssumeRoleCalls.Should().Be(1);
    }

    [Fact]
    public async Task StsError_CachedForTheErrorTtl_ThenRetried()
    {
        _aws.State.Roles["other"] = null;
        var cache = NewCache(errorTtl: TimeSpan.FromSeconds(30));

        var first = await cache.GetAsync(Key());
        var second = await cache.GetAsync(Key());
        _time.Advance(TimeSpan.FromSeconds(31));
        var third = await cache.GetAsync(Key());

        first.Succeeded.Should().BeFalse();
        first.Error.Should().StartWith("AccessDenied");
        second.Should().BeSameAs(first);
        third.Should().NotBeSameAs(first);
        AssumeRoleCalls.Should().Be(2);
    }

    [Fact]
    public async Task FailedBackgroundRefresh_KeepsTheStillGoodCredentials()
    {
        var cache = NewCache();
        var first = await cache.GetAsync(Key());
        _aws.Faults.FailWith("sts", "AssumeRole", "ServiceUnavailable", 503);

        _time.Advance(TimeSpan.FromMinutes(11));
        await cache.RefreshAsync(new Dictionary<CredentialKey, string> { [Key()] = Key().SessionName! });
        var served = await cache.GetAsync(Key());

        served.Role!.Credentials.Should().Be(first.Role!.Credentials);
    }
}

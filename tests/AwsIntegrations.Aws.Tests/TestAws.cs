using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests;

/// <summary>An AWS emulator on a free loopback port, answering at once unless asked otherwise, and our transport pointed at it, with fast retries.</summary>
internal sealed class TestAws : IAsyncDisposable
{
    private TestAws(AwsEmulator emulator, AwsOptions options, AwsCredentials credentials, TimeProvider? clientTime)
    {
        Emulator = emulator;
        Options = options;
        Http = new HttpClient();
        Endpoints = new EndpointResolver(emulator.State.Region, emulator.BaseUrl.ToString(), _ => null);
        Metrics = new AwsMetrics();
        Transport = new AwsTransport(Http, new StaticCredentialsProvider(credentials), Endpoints, options, Metrics, clientTime);
    }

    public AwsEmulator Emulator { get; }

    public AwsState State => Emulator.State;

    public CallLog Calls => Emulator.Calls;

    public AwsOptions Options { get; }

    public HttpClient Http { get; }

    public EndpointResolver Endpoints { get; }

    public AwsMetrics Metrics { get; }

    public AwsTransport Transport { get; }

    public static async Task<TestAws> StartAsync(
        Action<AwsOptions>? configure = null,
        AwsSeed? seed = null,
        TimeProvider? emulatorTime = null,
        AwsCredentials? credentials = null,
        TimeProvider? clientTime = null,
        AwsBehavior? behavior = null)
    {
        var options = FastOptions();
        configure?.Invoke(options);
        var emulator = await AwsEmulator.StartAsync(0, seed, emulatorTime);

        // The client tests are about wire shapes, paging and the retry logic, so they ask for instant answers; AWS's timing,
        // eventual consistency and throttling have their own tests (Emulator/AwsBehaviorTests), and every service's
        // tests run with them on.
        emulator.State.Behavior.CopyFrom(behavior ?? AwsBehavior.Instant());
        return new TestAws(emulator, options, credentials ?? AwsEmulator.DefaultCredentials, clientTime);
    }

    /// <summary>Real retry logic with millisecond backoffs and no client-side rate limits, so tests stay fast.</summary>
    public static AwsOptions FastOptions() => new()
    {
        Region = "eu-central-1",
        RetryBaseDelaySeconds = 0.002,
        RetryMaxBackoffSeconds = 0.02,
        Route53Rps = 0,
        ElbV2Rps = 0,
        Ec2Rps = 0,
        AcmRps = 0,
        StsRps = 0,
        Wafv2Rps = 0,
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

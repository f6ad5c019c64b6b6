using System.Net;
using AwsIntegrations.Aws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// The AWS emulator: STS, ELBv2, ACM, Route 53, EC2 and WAFv2 (web ACL associations) on their real wire protocols, the instance metadata service
/// under /latest/, and an admin API under /_emulator/, all on one loopback port.
/// <code>await using var aws = await AwsEmulator.StartAsync(port: 0);</code>
/// </summary>
public sealed class AwsEmulator : IAsyncDisposable
{
    /// <summary>The access key every emulator accepts; point clients at it (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).</summary>
    public static readonly AwsCredentials DefaultCredentials = new("AKIDEMULATOR00000000", "emulator/secret/access/key");

    private readonly WebApplication _app;

    private AwsEmulator(WebApplication app, AwsState state, Uri baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public AwsState State { get; }

    public CallLog Calls { get; } = new();

    public FaultInjector Faults { get; } = new();

    public static Task<AwsEmulator> StartAsync(int port = 0, AwsSeed? seed = null, TimeProvider? time = null) =>
        StartAsync(port, SeedLoader.Build(seed ?? AwsSeed.Default(), time ?? TimeProvider.System, DefaultCredentials));

    public static async Task<AwsEmulator> StartAsync(int port, AwsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        AwsEmulator? emulator = null;
        app.Run(context => emulator!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator = new AwsEmulator(app, state, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        return emulator;
    }

    /// <summary>Environment for a process that should talk to this emulator (endpoint, region, credentials, IMDS).</summary>
    public IDictionary<string, string?> ClientEnvironment() => new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = BaseUrl.ToString().TrimEnd('/'),
        ["AWS_REGION"] = State.Region,
        ["AWS_ACCESS_KEY_ID"] = DefaultCredentials.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = DefaultCredentials.SecretAccessKey,
        ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = BaseUrl.ToString().TrimEnd('/'),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/latest/", StringComparison.Ordinal) || path == "/latest")
        {
            return new ImdsHandler(State, Calls).HandleAsync(context);
        }

        if (path.StartsWith("/_emulator/", StringComparison.Ordinal))
        {
            return new AdminApi(this).HandleAsync(context);
        }

        return new AwsRouter(State, Calls, Faults).HandleAsync(context);
    }
}

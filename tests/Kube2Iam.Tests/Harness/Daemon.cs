using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Credentials;
using AwsIntegrations.Kube2Iam.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AwsIntegrations.Kube2Iam.Tests.Harness;

/// <summary>The daemon run in-process on the shared host, configured only through its flags, on free loopback ports.</summary>
public sealed class Daemon : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private Daemon(WebApplication app, Kube2IamOptions options)
    {
        _app = app;
        Options = options;
        Management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.MetricsPort}") };
    }

    public Kube2IamOptions Options { get; }

    public HttpClient Management { get; }

    public IServiceProvider Services => _app.Services;

    public CredentialCache Cache => Services.GetRequiredService<CredentialCache>();

    public static async Task<Daemon> StartAsync(TestCluster cluster, IEnumerable<string>? extraFlags = null, TimeProvider? time = null)
    {
        var args = cluster.DaemonFlags();
        args.AddRange(["--app-address", "127.0.0.1", "--app-port", $"{FreePort.Next()}", "--metrics-address", "127.0.0.1", "--metrics-port", $"{FreePort.Next()}"]);
        args.AddRange(extraFlags ?? []);
        var options = FlagBinder.Bind<Kube2IamOptions>(args, _ => null);
        var app = ServiceHost.Build(Kube2IamHost.ServiceName, options, host =>
        {
            if (time is not null)
            {
                host.Services.AddSingleton(time);
            }

            Kube2IamHost.Configure(host);
        });
        await app.StartAsync();
        var daemon = new Daemon(app, options);
        await Eventually.HoldsAsync(async () => (await daemon.Management.GetAsync("/readyz")).IsSuccessStatusCode, "the daemon is ready");
        return daemon;
    }

    /// <summary>A client whose requests come from <paramref name="podIp"/>.</summary>
    public HttpClient As(string podIp)
    {
        var client = PodClient.From(podIp, Options.AppPort);
        _clients.Add(client);
        return client;
    }

    public async Task<string> MetricsAsync() => await Management.GetStringAsync("/metrics");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Management.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Net;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Api;
using AwsIntegrations.Emulators.Kubernetes.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Emulators.Kubernetes;

/// <summary>
/// A Kubernetes API server on 127.0.0.1 over plain HTTP, for tests (in-process) and for the sandbox (standalone).
/// Its state is <see cref="Store"/>; faults are switched on through <see cref="Faults"/>, <see cref="DropWatches"/>,
/// <see cref="CompactHistory"/> and <see cref="RestartAsync"/>.
/// </summary>
public sealed class KubernetesEmulator : IAsyncDisposable
{
    private readonly KubernetesApi _api;
    private readonly EmulatorCertificates? _certificates;
    private WebApplication? _app;

    private KubernetesEmulator(KubernetesEmulatorOptions options)
    {
        Options = options;
        Store = new ObjectStore(options.Resources, options.Time, options.HistoryCapacity);
        _api = new KubernetesApi(Store, Faults, options, options.Time);
        _certificates = options.Tls ? new EmulatorCertificates() : null;
        foreach (var name in options.Namespaces)
        {
            Store.Create(Store.Definition("Namespace"), null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
        }
    }

    public KubernetesEmulatorOptions Options { get; }

    public ObjectStore Store { get; }

    public KubernetesFaults Faults { get; } = new();

    public int Port { get; private set; }

    public Uri BaseAddress => new($"{(_certificates is null ? "http" : "https")}://127.0.0.1:{Port}");

    /// <summary>With <see cref="KubernetesEmulatorOptions.Tls"/>: the CA that signed the serving certificate (PEM).</summary>
    public string? CertificateAuthorityPem => _certificates?.AuthorityPem;

    /// <summary>Subjects of the client certificates presented, in arrival order.</summary>
    public IReadOnlyCollection<string> ClientCertificateSubjects => _api.ClientCertificateSubjects;

    /// <summary>Every request as (verb, resource plural), in arrival order.</summary>
    public IReadOnlyCollection<(string Verb, string Resource)> Requests => _api.Requests;

    /// <summary>The Authorization header of every request (null when absent).</summary>
    public IReadOnlyCollection<string?> Authorizations => _api.Authorizations;

    public static async Task<KubernetesEmulator> StartAsync(int port = 0, KubernetesEmulatorOptions? options = null)
    {
        var emulator = new KubernetesEmulator(options ?? new KubernetesEmulatorOptions());
        await emulator.ListenAsync(port);
        return emulator;
    }

    /// <summary>
    /// Writes a kubeconfig whose current context points at this emulator; returns the path. The user always has a token
    /// (kubectl would otherwise prompt for a password over HTTPS); the emulator accepts any unless RequiredToken is set.
    /// </summary>
    public string WriteKubeconfig(string path, string token = "emulator")
    {
        var user = $"{{token: {token}}}";
        var authority = _certificates is null
            ? ""
            : $"\n    certificate-authority-data: {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(_certificates.AuthorityPem))}";
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: emulator
              cluster:
                server: {BaseAddress.ToString().TrimEnd('/')}{authority}
            users:
            - name: emulator
              user: {user}
            contexts:
            - name: emulator
              context:
                cluster: emulator
                user: emulator
                namespace: default
            current-context: emulator
            """);
        return path;
    }

    public void DropWatches() => Store.DropWatches();

    public void CompactHistory() => Store.CompactHistory();

    /// <summary>
    /// Stops listening (every connection dies), forgets the watch history as a restarted API server's watch cache does,
    /// and listens again on the same port. Objects and resourceVersions survive, as they do in etcd.
    /// <paramref name="whileDown"/> runs while nothing listens (e.g. to change objects that watchers must not see).
    /// </summary>
    public async Task RestartAsync(Action? whileDown = null)
    {
        await StopListeningAsync();
        whileDown?.Invoke();
        Store.CompactHistory();
        await ListenAsync(Port);
    }

    public JsonObject? Get(string kind, string? ns, string name) => Store.Get(Store.Definition(kind), ns, name)?.ToNode();

    public IReadOnlyList<JsonObject> All(string kind, string? ns = null) => [.. Store.All(Store.Definition(kind), ns).Select(o => o.ToNode())];

    /// <summary>Creates an object directly in the store (as if another client had), bypassing HTTP.</summary>
    public JsonObject Create(string kind, string? ns, JsonObject body) => Store.Create(Store.Definition(kind), ns, body).ToNode();

    public async ValueTask DisposeAsync()
    {
        await StopListeningAsync();
        _certificates?.Dispose();
    }

    private async Task ListenAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port, listen =>
            {
                if (_certificates is not null)
                {
                    listen.UseHttps(https =>
                    {
                        https.ServerCertificate = _certificates.Server;
                        https.ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate;
                        https.AllowAnyClientCertificate();
                    });
                }
            });
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        app.Run(_api.HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    private async Task StopListeningAsync()
    {
        if (_app is null)
        {
            return;
        }

        Store.DropWatches();
        using var now = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await _app.StopAsync(now.Token);
        await _app.DisposeAsync();
        _app = null;
    }
}

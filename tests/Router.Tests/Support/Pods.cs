using AwsIntegrations.Testing;

namespace AwsIntegrations.Router.Tests.Support;

/// <summary>The pods of a test's Services: real Kestrel backends on 127.0.0.x, one port per Service, written as its EndpointSlice.</summary>
public sealed class Pods : IAsyncDisposable
{
    private readonly List<TestBackend> _all = [];

    /// <summary>
    /// Starts one backend per address for the Service and makes them its endpoints (the slice port named as the Service port,
    /// as the EndpointSlice controller writes it). A single backend is named after the Service, several as service-0, service-1…
    /// </summary>
    public async Task<IReadOnlyList<TestBackend>> ServeAsync(RouterHarness router, string ns, string service, string? portName, params string[] addresses)
    {
        var port = FreePort.Next();
        var started = new List<TestBackend>();
        for (var i = 0; i < addresses.Length; i++)
        {
            started.Add(await TestBackend.StartAsync(addresses.Length == 1 ? service : $"{service}-{i}", addresses[i], port));
        }

        _all.AddRange(started);
        router.SetEndpoints(ns, service, port, portName, [.. addresses.Select(EndpointSpec.ReadyAt)]);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var backend in _all)
        {
            await backend.DisposeAsync();
        }
    }
}

using AwsIntegrations.Hosting.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AwsIntegrations.Hosting;

/// <summary>What a service's Program.cs configures: its options (already bound and validated), services, and traffic listeners.</summary>
public sealed class ServiceHostBuilder<TOptions>
    where TOptions : ServiceOptions
{
    private readonly List<TrafficListener> _listeners = [];

    internal ServiceHostBuilder(string serviceName, TOptions options, WebApplicationBuilder builder)
    {
        ServiceName = serviceName;
        Options = options;
        Builder = builder;
    }

    public string ServiceName { get; }

    public TOptions Options { get; }

    public WebApplicationBuilder Builder { get; }

    public IServiceCollection Services => Builder.Services;

    internal IReadOnlyList<TrafficListener> Listeners => _listeners;

    internal List<Action<WebApplication>> StartActions { get; } = [];

    /// <summary>
    /// Serves the service's own traffic (credentials, proxied requests) on a port of its own, with its own pipeline.
    /// When the port equals --metrics-port, /healthz, /readyz and /metrics are answered first on it.
    /// </summary>
    public void Listen(string address, int port, Action<IApplicationBuilder> pipeline) =>
        _listeners.Add(new TrafficListener(address, port, pipeline));

    /// <summary>Runs after the application is built and before it starts (e.g. to map extra management endpoints).</summary>
    public void OnBuilt(Action<WebApplication> action) => StartActions.Add(action);

    internal sealed record TrafficListener(string Address, int Port, Action<IApplicationBuilder> Pipeline);
}

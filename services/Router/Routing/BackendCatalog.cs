using k8s;
using k8s.Models;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Options;
using Yarp.ReverseProxy.Forwarder;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// The backends and forwarding settings of one build: each Service port is resolved once per load-balancing choice, and the
/// pod addresses seen are collected (endpoint state for addresses no longer named is dropped after the build).
/// </summary>
public sealed class BackendCatalog(ClusterState state, BuildSettings settings, List<BuildProblem> problems)
{
    private readonly EndpointResolver _resolver = new(state.Services, state.EndpointSlices);
    private readonly Dictionary<(string, string, string, LoadBalancing), Backend> _backends = [];
    private readonly Dictionary<TimeSpan, ForwarderRequestConfig> _configs = [];

    public HashSet<string> Addresses { get; } = new(StringComparer.Ordinal);

    public Backend Get(V1Ingress ingress, V1IngressServiceBackend service, LoadBalancing loadBalancing)
    {
        var ns = ingress.Metadata.NamespaceProperty ?? "";
        var portText = EndpointResolver.PortText(service.Port);
        var key = (ns, service.Name, portText, loadBalancing);
        if (!_backends.TryGetValue(key, out var backend))
        {
            var resolved = _resolver.Resolve(ns, service);
            if (resolved.Problem is not null)
            {
                problems.Add(new(ingress, "BackendNotFound", resolved.Problem));
            }

            Addresses.UnionWith(resolved.Addresses);
            backend = new Backend(ns, service.Name, portText, [.. resolved.Addresses.Select(settings.Endpoints.Get)], resolved.TerminatingFallback, loadBalancing);
            _backends[key] = backend;
        }

        return backend;
    }

    public ForwarderRequestConfig Config(TimeSpan timeout)
    {
        if (!_configs.TryGetValue(timeout, out var config))
        {
            _configs[timeout] = config = new ForwarderRequestConfig
            {
                ActivityTimeout = timeout,
                Version = System.Net.HttpVersion.Version11,
                VersionPolicy = System.Net.Http.HttpVersionPolicy.RequestVersionOrLower,
            };
        }

        return config;
    }
}

using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Options;

namespace AwsIntegrations.Router.Routing;

/// <summary>The flags a route-table build follows, and what builds share (<see cref="State"/>: compiled expressions, rate limiters).</summary>
public sealed record BuildSettings(
    string IngressClass,
    LoadBalancing DefaultLoadBalancing,
    TimeSpan BackendTimeout,
    EndpointRegistry Endpoints,
    PathMode PathMode = PathMode.KubernetesIngress,
    bool RedirectHttpToHttps = false,
    int RedirectCode = 308)
{
    public BuildState State { get; init; } = new();

    public static BuildSettings From(RouterOptions options, EndpointRegistry endpoints, TimeProvider time) =>
        new(options.IngressClass, options.DefaultLoadBalancer, options.BackendTimeout, endpoints, options.KubernetesPathMode,
            options.RedirectHttpToHttps, options.RedirectHttpToHttpsCode)
        {
            State = new BuildState(time),
        };
}

using Router.Backends;
using Router.Options;

namespace Router.Routing;

public sealed record BuildSettings(string IngressClass, LoadBalancing DefaultLoadBalancing, TimeSpan BackendTimeout, EndpointRegistry Endpoints)
{
    public static BuildSettings From(RouterOptions options, EndpointRegistry endpoints) =>
        new(options.IngressClass, options.DefaultLoadBalancer, options.BackendTimeout, endpoints);
}

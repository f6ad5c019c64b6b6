using System.Globalization;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// Resolves an Ingress backend (Service + port by name or number) to pod addresses through EndpointSlices: endpoints that are
/// serving and not terminating; when there are none, serving terminating ones (as kube-proxy does). Slices without ports are ignored.
/// </summary>
public sealed class EndpointResolver
{
    /// <summary>The label naming the Service an EndpointSlice belongs to.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    private readonly Dictionary<(string Namespace, string Name), V1Service> _services = [];
    private readonly Dictionary<(string Namespace, string Service), List<V1EndpointSlice>> _slices = [];

    public EndpointResolver(IEnumerable<V1Service> services, IEnumerable<V1EndpointSlice> slices)
    {
        foreach (var service in services)
        {
            _services[(service.Metadata.NamespaceProperty ?? "", service.Metadata.Name ?? "")] = service;
        }

        foreach (var slice in slices)
        {
            if (slice.GetLabel(EndpointResolver.ServiceNameLabel) is not { } serviceName || slice.Ports is not { Count: > 0 })
            {
                continue;
            }

            var key = (slice.Metadata.NamespaceProperty ?? "", serviceName);
            if (!_slices.TryGetValue(key, out var list))
            {
                _slices[key] = list = [];
            }

            list.Add(slice);
        }
    }

    public ResolvedEndpoints Resolve(string ns, V1IngressServiceBackend backend)
    {
        if (!_services.TryGetValue((ns, backend.Name), out var service))
        {
            return ResolvedEndpoints.Failed($"Service {ns}/{backend.Name} not found");
        }

        var servicePort = service.Spec?.Ports?.FirstOrDefault(p =>
            backend.Port?.Number is { } number ? p.Port == number : p.Name == backend.Port?.Name);
        if (servicePort is null)
        {
            return ResolvedEndpoints.Failed($"Service {ns}/{backend.Name} has no port {PortText(backend.Port)}");
        }

        var ready = new List<string>();
        var terminating = new List<string>();
        foreach (var slice in _slices.GetValueOrDefault((ns, backend.Name)) ?? [])
        {
            var port = slice.Ports!.FirstOrDefault(p => (p.Name ?? "") == (servicePort.Name ?? ""))?.Port;
            if (port is null)
            {
                continue;
            }

            foreach (var endpoint in slice.Endpoints ?? [])
            {
                var conditions = endpoint.Conditions;
                var isTerminating = conditions?.Terminating == true;
                var isServing = conditions?.Serving ?? conditions?.Ready ?? true;
                var target = isTerminating ? terminating : ready;
                if (isServing && (isTerminating || conditions?.Ready != false))
                {
                    target.AddRange(endpoint.Addresses.Select(a => Address(a, port.Value, slice.AddressType)));
                }
            }
        }

        return ready.Count > 0
            ? new ResolvedEndpoints(Distinct(ready), false, null)
            : new ResolvedEndpoints(Distinct(terminating), terminating.Count > 0, null);
    }

    public static string PortText(V1ServiceBackendPort? port) =>
        port?.Number?.ToString(CultureInfo.InvariantCulture) ?? port?.Name ?? "(none)";

    private static string Address(string ip, int port, string addressType) =>
        addressType == "IPv6" ? $"[{ip}]:{port.ToString(CultureInfo.InvariantCulture)}" : $"{ip}:{port.ToString(CultureInfo.InvariantCulture)}";

    private static List<string> Distinct(List<string> addresses) => [.. addresses.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

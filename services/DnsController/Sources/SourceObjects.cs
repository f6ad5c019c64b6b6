using AwsIntegrations.DnsController.Options;
using k8s;
using k8s.Models;

namespace AwsIntegrations.DnsController.Sources;

/// <summary>
/// Turns Ingresses and LoadBalancer Services into <see cref="SourceObject"/>s as external-dns' ingress and service
/// sources do (source/ingress.go endpointsFromIngress, filterByIngressClass): an Ingress's names are its rule hosts, its
/// spec.tls hosts and its hostname annotation; the ingress-hostname-source annotation (defined-hosts-only,
/// annotation-only) narrows them.
/// </summary>
public static class SourceObjects
{
    public const string IngressClassAnnotation = "kubernetes.io/ingress.class";
    public const string HostnameSource = "ingress-hostname-source";

    /// <summary>The objects <paramref name="settings"/> select, Ingresses first (pure; the informers' path does the same one by one).</summary>
    public static IReadOnlyList<SourceObject> Select(SourceSettings settings, IEnumerable<V1Ingress> ingresses, IEnumerable<V1Service> services)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var selected = ingresses.Where(i => Selects(settings, i) && HasClass(i, settings.IngressClasses)).Select(i => FromIngress(i, settings)).ToList();
        selected.AddRange(services.Where(s => Selects(settings, s)).Select(s => FromService(s, settings)).OfType<SourceObject>());
        return selected;
    }

    /// <summary>
    /// The annotation filter matches, and the controller annotation, when present, says dns-controller (external-dns
    /// skips objects another controller claims). The ingress class is checked apart, so that dropping an Ingress can be told.
    /// </summary>
    public static bool Selects(SourceSettings settings, IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(obj);
        var annotations = obj.Metadata.Annotations;
        return settings.Annotations.Matches(annotations)
            && Annotations.Get(annotations, Annotations.Controller) is null or Annotations.ControllerValue;
    }

    /// <summary>spec.ingressClassName when set, else the kubernetes.io/ingress.class annotation, must be one of the classes (none: any).</summary>
    /// <remarks>
    /// Class names only, as external-dns's --ingress-class compares them (source/ingress.go); the IngressController and the Router
    /// also follow IngressClass objects (shared IngressClassDecision), which external-dns users do not expect of their DNS controller.
    /// </remarks>
    public static bool HasClass(V1Ingress ingress, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0)
        {
            return true;
        }

        return ClassOf(ingress) is { } actual && classes.Contains(actual, StringComparer.Ordinal);
    }

    /// <summary>spec.ingressClassName when set, else the kubernetes.io/ingress.class annotation, else null.</summary>
    public static string? ClassOf(V1Ingress ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        return ingress.Spec?.IngressClassName is { Length: > 0 } name ? name : ingress.GetAnnotation(IngressClassAnnotation);
    }

    public static SourceObject FromIngress(V1Ingress ingress, SourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(settings);
        var annotations = ingress.Metadata.Annotations ?? new Dictionary<string, string>();
        var hostnameSource = Annotations.Get(annotations, HostnameSource)?.ToLowerInvariant();
        var hosts = new List<string?>();
        if (hostnameSource != "annotation-only")
        {
            if (!settings.IgnoreIngressRulesSpec)
            {
                hosts.AddRange((ingress.Spec?.Rules ?? []).Select(r => r.Host));
            }

            if (!settings.IgnoreIngressTlsSpec)
            {
                hosts.AddRange((ingress.Spec?.Tls ?? []).SelectMany(t => t.Hosts ?? []));
            }
        }

        return new SourceObject(SourceKind.Ingress, ingress.Metadata.NamespaceProperty ?? "default", ingress.Metadata.Name ?? string.Empty,
            annotations, Clean(hosts), Targets(ingress.Status?.LoadBalancer))
        {
            Object = ingress,
            UsesHostnameAnnotation = !settings.IgnoreHostnameAnnotation && hostnameSource != "defined-hosts-only",
        };
    }

    /// <summary>Services publish only names given by the hostname annotation (as external-dns without --fqdn-template).</summary>
    public static SourceObject? FromService(V1Service service, SourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(settings);
        if (service.Spec?.Type != "LoadBalancer")
        {
            return null;
        }

        return new SourceObject(SourceKind.Service, service.Metadata.NamespaceProperty ?? "default", service.Metadata.Name ?? string.Empty,
            service.Metadata.Annotations ?? new Dictionary<string, string>(), [], Targets(service.Status?.LoadBalancer))
        {
            Object = service,
            UsesHostnameAnnotation = !settings.IgnoreHostnameAnnotation,
        };
    }

    /// <summary>Whether an Ingress names any host (rules, TLS or the hostname annotation), so that dropping it is worth a word.</summary>
    public static bool HasHostname(V1Ingress ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        return (ingress.Spec?.Rules ?? []).Any(r => !string.IsNullOrWhiteSpace(r.Host))
            || (ingress.Spec?.Tls ?? []).Any(t => (t.Hosts ?? []).Any(h => !string.IsNullOrWhiteSpace(h)))
            || Annotations.Get(ingress.Metadata.Annotations, Annotations.Hostname) is not null;
    }

    private static List<string> Targets(V1IngressLoadBalancerStatus? status) =>
        Clean((status?.Ingress ?? []).SelectMany(i => new[] { i.Ip, i.Hostname }));

    private static List<string> Targets(V1LoadBalancerStatus? status) =>
        Clean((status?.Ingress ?? []).SelectMany(i => new[] { i.Ip, i.Hostname }));

    private static List<string> Clean(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

using AwsIntegrations.Kubernetes.Models;

namespace DnsController.Sources;

/// <summary>Turns Ingresses and LoadBalancer Services into <see cref="SourceObject"/>s, applying the class filter.</summary>
public static class SourceObjects
{
    public const string IngressClassAnnotation = "kubernetes.io/ingress.class";

    public static bool HasClass(Ingress ingress, string ingressClass)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        if (ingressClass.Length == 0)
        {
            return true;
        }

        var actual = ingress.Spec?.IngressClassName ?? ingress.Metadata.Annotation(IngressClassAnnotation);
        return string.Equals(actual, ingressClass, StringComparison.Ordinal);
    }

    public static SourceObject FromIngress(Ingress ingress, bool includeTlsHosts)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var hosts = (ingress.Spec?.Rules ?? []).Select(r => r.Host).ToList();
        if (includeTlsHosts)
        {
            hosts.AddRange((ingress.Spec?.Tls ?? []).SelectMany(t => t.Hosts ?? []));
        }

        return new SourceObject("ingress", ingress.Metadata.Namespace ?? "default", ingress.Metadata.Name ?? string.Empty,
            ingress.Metadata.Annotations ?? [], Clean(hosts), Targets(ingress.Status?.LoadBalancer))
        {
            Object = ingress,
        };
    }

    /// <summary>Services publish only names given by the hostname annotation (as external-dns without --fqdn-template).</summary>
    public static SourceObject? FromService(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Spec?.Type != "LoadBalancer")
        {
            return null;
        }

        return new SourceObject("service", service.Metadata.Namespace ?? "default", service.Metadata.Name ?? string.Empty,
            service.Metadata.Annotations ?? [], [], Targets(service.Status?.LoadBalancer))
        {
            Object = service,
        };
    }

    private static List<string> Targets(LoadBalancerStatus? status) =>
        Clean((status?.Ingress ?? []).SelectMany(i => new[] { i.Ip, i.Hostname }));

    private static List<string> Clean(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

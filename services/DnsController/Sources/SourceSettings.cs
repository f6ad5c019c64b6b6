using AwsIntegrations.DnsController.Options;

namespace AwsIntegrations.DnsController.Sources;

/// <summary>
/// Which objects are published and which of their names (external-dns' source flags): --ingress-class (none: every
/// class), --annotation-filter, --ignore-ingress-tls-spec, --ignore-ingress-rules-spec, --ignore-hostname-annotation.
/// </summary>
public sealed record SourceSettings(
    IReadOnlyList<string> IngressClasses,
    AnnotationFilter Annotations,
    bool IgnoreIngressTlsSpec = false,
    bool IgnoreIngressRulesSpec = false,
    bool IgnoreHostnameAnnotation = false)
{
    public static SourceSettings Everything { get; } = new([], AnnotationFilter.Everything);

    public static SourceSettings From(DnsControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AnnotationFilter.TryParse(options.AnnotationFilter, out var annotations);
        return new SourceSettings(options.IngressClasses, annotations, options.IgnoreIngressTlsSpec, options.IgnoreIngressRulesSpec, options.IgnoreHostnameAnnotation);
    }
}

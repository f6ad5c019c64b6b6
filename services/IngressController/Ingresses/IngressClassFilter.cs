using k8s;
using k8s.Models;

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>
/// Decides whether an Ingress is ours: its spec.ingressClassName (else the legacy annotation) is one of the served classes,
/// or names an IngressClass of our controller; without any class, when "" is served (kube-ingress-aws-controller's
/// --ingress-class-filter with a trailing comma) or our IngressClass is the cluster default.
/// </summary>
public static class IngressClassFilter
{
    /// <summary>The annotation that makes an IngressClass the cluster's default.</summary>
    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    public const string ControllerName = "aws-integrations.io/ingress-controller";

    public static bool IsOurs(V1Ingress ingress, string className, IReadOnlyCollection<V1IngressClass> classes) => IsOurs(ingress, [className], classes);

    public static bool IsOurs(V1Ingress ingress, IReadOnlyCollection<string> servedClasses, IReadOnlyCollection<V1IngressClass> classes)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(servedClasses);
        ArgumentNullException.ThrowIfNull(classes);
        if (ingress.Spec?.IngressClassName is { Length: > 0 } name)
        {
            return servedClasses.Contains(name) || classes.Any(c => c.Metadata.Name == name && c.Spec?.Controller == ControllerName);
        }

        if (ingress.GetAnnotation(AnnotationKeys.IngressClass) is { Length: > 0 } legacy)
        {
            return servedClasses.Contains(legacy);
        }

        // No class at all: ours when asked for, or when the cluster's default IngressClass is ours.
        return servedClasses.Contains(string.Empty)
            || classes.Any(c => c.Spec?.Controller == ControllerName && c.GetAnnotation(DefaultClassAnnotation) == "true");
    }
}

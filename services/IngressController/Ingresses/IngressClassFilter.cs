using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>
/// Decides whether an Ingress is ours: its spec.ingressClassName (else the legacy annotation) is one of the served classes,
/// or names an IngressClass of our controller; without any class, when "" is served (kube-ingress-aws-controller's
/// --ingress-class-filter with a trailing comma) or our IngressClass is the cluster default.
/// </summary>
public static class IngressClassFilter
{
    public const string ControllerName = "aws-integrations.io/ingress-controller";

    public static bool IsOurs(Ingress ingress, string className, IReadOnlyCollection<IngressClass> classes) => IsOurs(ingress, [className], classes);

    public static bool IsOurs(Ingress ingress, IReadOnlyCollection<string> servedClasses, IReadOnlyCollection<IngressClass> classes)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(servedClasses);
        ArgumentNullException.ThrowIfNull(classes);
        if (ingress.Spec?.IngressClassName is { Length: > 0 } name)
        {
            return servedClasses.Contains(name) || classes.Any(c => c.Metadata.Name == name && c.Spec?.Controller == ControllerName);
        }

        if (ingress.Metadata.Annotation(AnnotationKeys.IngressClass) is { Length: > 0 } legacy)
        {
            return servedClasses.Contains(legacy);
        }

        // No class at all: ours when asked for, or when the cluster's default IngressClass is ours.
        return servedClasses.Contains(string.Empty)
            || classes.Any(c => c.Spec?.Controller == ControllerName && c.Metadata.Annotation(IngressClass.DefaultClassAnnotation) == "true");
    }
}

using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>Decides whether an Ingress is ours: by spec.ingressClassName, the legacy annotation, or an IngressClass naming our controller.</summary>
public static class IngressClassFilter
{
    public const string ControllerName = "aws-integrations.io/ingress-controller";

    public static bool IsOurs(Ingress ingress, string className, IReadOnlyCollection<IngressClass> classes)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(classes);
        if (ingress.Spec?.IngressClassName is { Length: > 0 } name)
        {
            return name == className || classes.Any(c => c.Metadata.Name == name && c.Spec?.Controller == ControllerName);
        }

        if (ingress.Metadata.Annotation(AnnotationKeys.IngressClass) is { Length: > 0 } legacy)
        {
            return legacy == className;
        }

        // No class at all: ours when the cluster's default IngressClass is ours.
        return classes.Any(c => c.Spec?.Controller == ControllerName && c.Metadata.Annotation(IngressClass.DefaultClassAnnotation) == "true");
    }
}

using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Ingresses;

/// <summary>
/// Decides whether an Ingress belongs to our ingress controller, the same way for the IngressController (which makes the
/// load balancer) and the Router (which serves what the load balancer sends it), so an Ingress one of them takes the other
/// takes too. Ours: its spec.ingressClassName (else the kubernetes.io/ingress.class annotation) is one of the served
/// classes, or names an IngressClass whose controller is ours; without any class, when "" is served
/// (kube-ingress-aws-controller's --ingress-class-filter with a trailing comma) or our IngressClass is the cluster default.
/// </summary>
public static class IngressClassDecision
{
    /// <summary>The legacy annotation naming an Ingress's class.</summary>
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    /// <summary>The annotation that makes an IngressClass the cluster's default.</summary>
    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    /// <summary>spec.controller of the IngressClasses our IngressController and Router serve.</summary>
    public const string ControllerName = "aws-integrations.io/ingress-controller";

    public static bool IsOurs(V1Ingress ingress, string className, IReadOnlyCollection<V1IngressClass> classes) => IsOurs(ingress, [className], classes);

    public static bool IsOurs(V1Ingress ingress, IReadOnlyCollection<string> servedClasses, IReadOnlyCollection<V1IngressClass> classes)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(servedClasses);
        ArgumentNullException.ThrowIfNull(classes);
        if (ingress.Spec?.IngressClassName is { Length: > 0 } name)
        {
            return servedClasses.Contains(name) || classes.Any(c => c.Metadata?.Name == name && c.Spec?.Controller == ControllerName);
        }

        if (ingress.GetAnnotation(ClassAnnotation) is { Length: > 0 } legacy)
        {
            return servedClasses.Contains(legacy);
        }

        // No class at all: ours when asked for, or when the cluster's default IngressClass is ours.
        return servedClasses.Contains(string.Empty)
            || classes.Any(c => c.Spec?.Controller == ControllerName && c.GetAnnotation(DefaultClassAnnotation) == "true");
    }
}

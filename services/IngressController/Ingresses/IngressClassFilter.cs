using AwsIntegrations.Kubernetes.Ingresses;
using k8s.Models;

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>The IngressController's name for the shared <see cref="IngressClassDecision"/> (the Router decides the same way).</summary>
public static class IngressClassFilter
{
    public const string DefaultClassAnnotation = IngressClassDecision.DefaultClassAnnotation;

    public const string ControllerName = IngressClassDecision.ControllerName;

    public static bool IsOurs(V1Ingress ingress, string className, IReadOnlyCollection<V1IngressClass> classes) =>
        IngressClassDecision.IsOurs(ingress, className, classes);

    public static bool IsOurs(V1Ingress ingress, IReadOnlyCollection<string> servedClasses, IReadOnlyCollection<V1IngressClass> classes) =>
        IngressClassDecision.IsOurs(ingress, servedClasses, classes);
}

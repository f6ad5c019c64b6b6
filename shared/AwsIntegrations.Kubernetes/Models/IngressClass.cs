namespace AwsIntegrations.Kubernetes.Models;

public sealed class IngressClass : KubernetesObject
{
    /// <summary>The annotation that makes a class the cluster's default.</summary>
    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    public IngressClassSpec? Spec { get; set; }
}

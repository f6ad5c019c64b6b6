namespace AwsIntegrations.Kubernetes.Models;

public sealed class HttpIngressRuleValue : Extensible
{
    public List<HttpIngressPath> Paths { get; set; } = [];
}

namespace AwsIntegrations.Kubernetes.Models;

public sealed class IngressRule : Extensible
{
    public string? Host { get; set; }

    public HttpIngressRuleValue? Http { get; set; }
}

namespace AwsIntegrations.Kubernetes.Models;

public sealed class Ingress : KubernetesObject
{
    public IngressSpec? Spec { get; set; }

    public IngressStatus? Status { get; set; }
}

public sealed class IngressSpec : Extensible
{
    public string? IngressClassName { get; set; }

    public IngressBackend? DefaultBackend { get; set; }

    public List<IngressTls>? Tls { get; set; }

    public List<IngressRule>? Rules { get; set; }
}

public sealed class IngressTls : Extensible
{
    public List<string>? Hosts { get; set; }

    public string? SecretName { get; set; }
}

public sealed class IngressRule : Extensible
{
    public string? Host { get; set; }

    public HttpIngressRuleValue? Http { get; set; }
}

public sealed class HttpIngressRuleValue : Extensible
{
    public List<HttpIngressPath> Paths { get; set; } = [];
}

public sealed class HttpIngressPath : Extensible
{
    public string? Path { get; set; }

    public string PathType { get; set; } = "Prefix";

    public IngressBackend Backend { get; set; } = new();
}

public sealed class IngressBackend : Extensible
{
    public IngressServiceBackend? Service { get; set; }
}

public sealed class IngressServiceBackend : Extensible
{
    public string Name { get; set; } = "";

    public ServiceBackendPort? Port { get; set; }
}

public sealed class ServiceBackendPort : Extensible
{
    public string? Name { get; set; }

    public int? Number { get; set; }
}

public sealed class IngressStatus : Extensible
{
    public LoadBalancerStatus? LoadBalancer { get; set; }
}

using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kubernetes.Configuration;

namespace AwsIntegrations.Router.Options;

public sealed class RouterOptions : ServiceOptions
{
    public const string ServiceName = "router";

    public const string DefaultIngressClass = "aws-integrations";

    public RouterOptions()
    {
        MetricsPort = 9911;
        ShutdownDelay = TimeSpan.FromSeconds(30);
    }

    [Flag("address", "Address the traffic port listens on.")]
    public string Address { get; set; } = "0.0.0.0";

    [Flag("port", "Port of the traffic listener (what the ALB target group sends to).")]
    [FlagRange(1, 65535)]
    public int Port { get; set; } = 9999;

    [Flag("ingress-class", "Route only Ingresses of this class (spec.ingressClassName or the kubernetes.io/ingress.class annotation), or of an IngressClass whose controller is aws-integrations.io/ingress-controller (without a class: when that IngressClass is the default), as the IngressController decides.")]
    public string IngressClass { get; set; } = DefaultIngressClass;

    [Flag("default-load-balancer", "Load balancing when an Ingress does not choose one: round-robin, power-of-two-choices, random, consistent-hash (by client address) or least-requests.")]
    public LoadBalancing DefaultLoadBalancer { get; set; } = LoadBalancing.RoundRobin;

    [Flag("redirect-http-to-https", "Answer requests carrying X-Forwarded-Proto: http with a redirect to https, on every route whose Ingress does not opt out.")]
    public bool RedirectHttpToHttps { get; set; }

    [Flag("redirect-http-to-https-code", "Status of the https redirect, unless an Ingress sets zalando.org/skipper-ingress-redirect-code.")]
    [FlagRange(300, 399)]
    public int RedirectHttpToHttpsCode { get; set; } = 308;

    [Flag("kubernetes-path-mode", "How ImplementationSpecific paths are read: kubernetes-ingress (a regular expression matched at the start of the path), path-regexp (a regular expression) or path-prefix (as Prefix); an Ingress may choose with zalando.org/skipper-ingress-path-mode.")]
    public PathMode KubernetesPathMode { get; set; } = PathMode.KubernetesIngress;

    [Flag("backend-timeout", "How long a backend may stay silent (request or response body, headers) before the request fails with 504; an Ingress may override it.")]
    [FlagRange(0.001, 3600)]
    public TimeSpan BackendTimeout { get; set; } = TimeSpan.FromSeconds(60);

    [Flag("connect-timeout", "How long a connection to an endpoint may take before the next endpoint is tried.")]
    [FlagRange(0.001, 60)]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    [Flag("max-request-header-bytes", "Largest total size of a request's headers; bigger requests get 431.")]
    [FlagRange(1024, 1048576)]
    public int MaxRequestHeaderBytes { get; set; } = 65536;

    [Flag("retries", "How many other endpoints a request is retried on when connecting fails (nothing was sent yet).")]
    [FlagRange(0, 10)]
    public int Retries { get; set; } = 3;

    [Flag("ejection-duration", "How long an endpoint that refused a connection is skipped (passive health), unless no other is left.")]
    [FlagRange(0, 3600)]
    public TimeSpan EjectionDuration { get; set; } = TimeSpan.FromSeconds(10);

    [Flag("access-log", "Log one line per request (JSON with --log-format json).")]
    public bool AccessLog { get; set; }

    [FlagGroup]
    public KubernetesOptions Kubernetes { get; set; } = new();
}

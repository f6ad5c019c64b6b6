namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>An Ingress of our class, read: its hosts, what its load balancer must look like, and what is wrong with it.</summary>
public sealed record IngressModel(
    string Key,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string>? ExplicitCertificates,
    GroupKey Group,
    bool HttpsOnly,
    IReadOnlyList<string> StatusHostnames,
    IReadOnlyList<IngressProblem> Problems);

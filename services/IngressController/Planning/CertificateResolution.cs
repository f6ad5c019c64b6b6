using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>The certificates an Ingress gets, what is wrong, and how many hosts have no certificate or only one expiring soon.</summary>
public sealed record CertificateResolution(SortedSet<string> Arns, IReadOnlyList<Problem> Problems, int HostsWithoutCertificate, int HostsOnExpiringCertificate);

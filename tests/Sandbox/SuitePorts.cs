namespace AwsIntegrations.Sandbox;

/// <summary>The ports the sandbox gives each service (free loopback ports, chosen at start).</summary>
public sealed record SuitePorts(
    int Kube2IamApp,
    int Kube2IamMetrics,
    int RouterTraffic,
    int RouterMetrics,
    int IngressMetrics,
    int DnsMetrics,
    int JobCleanerMetrics,
    int NodeGateMetrics)
{
    public static SuitePorts Allocate() => new(
        SandboxEnvironment.FreePort(), SandboxEnvironment.FreePort(), SandboxEnvironment.FreePort(), SandboxEnvironment.FreePort(),
        SandboxEnvironment.FreePort(), SandboxEnvironment.FreePort(), SandboxEnvironment.FreePort(), SandboxEnvironment.FreePort());
}

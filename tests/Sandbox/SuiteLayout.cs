namespace AwsIntegrations.Sandbox;

/// <summary>
/// Which processes make up the sandbox and how each is configured: only through its real flags, the kubeconfig the Kubernetes
/// emulator wrote, the AWS_ENDPOINT_URL-style environment — exactly as a user would configure it — and AWS credentials as a
/// cluster gives them: the controllers their own roles (IRSA's AWS_ROLE_ARN and web identity token), Kube2Iam the node role
/// from instance metadata (<see cref="SandboxIam"/>).
/// </summary>
public static class SuiteLayout
{
    public static Component Emulators(SandboxEnvironment env) => new(
        "emulators",
        "tests/AwsIntegrations.Emulators/AwsIntegrations.Emulators.csproj",
        ["--kube-port", $"{env.KubePort}", "--kubeconfig-out", env.Kubeconfig, "--aws-port", $"{env.AwsPort}", "--aws-seed", env.AwsSeed],
        new Dictionary<string, string>(),
        new Uri($"http://127.0.0.1:{env.AwsPort}/latest/meta-data/instance-id"));

    public static IReadOnlyList<Component> Services(SandboxEnvironment env, SuitePorts ports, SandboxIam iam)
    {
        var kube = new[] { "--kubeconfig", env.Kubeconfig, "--log-format", "json", "--metrics-address", "127.0.0.1" };
        var leader = new Dictionary<string, string> { ["POD_NAMESPACE"] = "kube-system" };
        var ingress = new Dictionary<string, string>(env.ControllerAwsEnvironment(iam.WebIdentityEnvironment("ingress-controller")).Concat(leader));
        var dns = new Dictionary<string, string>(env.ControllerAwsEnvironment(iam.WebIdentityEnvironment("dns-controller")).Concat(leader));
        return
        [
            new Component("Kube2Iam", "services/Kube2Iam/Kube2Iam.csproj",
                [.. kube, "--app-port", $"{ports.Kube2IamApp}", "--metrics-port", $"{ports.Kube2IamMetrics}",
                 "--node", ClusterSetup.NodeNames[0], "--host-ip", "127.0.0.1",
                 "--base-role-arn", $"arn:aws:iam::{SandboxEnvironment.AccountId}:role/", "--namespace-restrictions",
                 "--metadata-addr", $"http://127.0.0.1:{env.AwsPort}"],
                env.NodeAwsEnvironment, Ready(ports.Kube2IamMetrics)),
            new Component("IngressController", "services/IngressController/IngressController.csproj",
                [.. kube, "--metrics-port", $"{ports.IngressMetrics}", "--cluster-id", SandboxEnvironment.ClusterId],
                With(ingress, "POD_NAME", "ingress-controller-0"), Ready(ports.IngressMetrics)),
            new Component("DnsController", "services/DnsController/DnsController.csproj",
                [.. kube, "--metrics-port", $"{ports.DnsMetrics}", "--source", "ingress,service", "--domain-filter", SandboxEnvironment.Domain,
                 "--txt-owner-id", SandboxEnvironment.ClusterId, "--policy", "sync", "--zone-id-filter", SandboxIam.ZoneId],
                With(dns, "POD_NAME", "dns-controller-0"), Ready(ports.DnsMetrics)),
            new Component("Router", "services/Router/Router.csproj",
                [.. kube, "--port", $"{ports.RouterTraffic}", "--metrics-port", $"{ports.RouterMetrics}", "--shutdown-delay", "1s"],
                new Dictionary<string, string> { ["NODE_NAME"] = ClusterSetup.NodeNames[0] }, Ready(ports.RouterMetrics)),
            new Component("JobCleaner", "services/JobCleaner/JobCleaner.csproj",
                [.. kube, "--metrics-port", $"{ports.JobCleanerMetrics}", "--seconds", "3600", "--timeout-seconds", "3600", "--interval", "5s"],
                With(leader, "POD_NAME", "job-cleaner-0"), Ready(ports.JobCleanerMetrics)),
            new Component("NodeGate", "services/NodeGate/NodeGate.csproj",
                [.. kube, "--metrics-port", $"{ports.NodeGateMetrics}", "--daemonset-selector", $"{NodeJoin.RequiredLabel}=true", "--max-wait", "2m"],
                With(leader, "POD_NAME", "node-gate-0"), Ready(ports.NodeGateMetrics)),
        ];
    }

    private static Uri Ready(int metricsPort) => new($"http://127.0.0.1:{metricsPort}/readyz");

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> environment, string key, string value) =>
        new(environment) { [key] = value };
}

using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Emulators;

/// <summary>
/// Flags of the standalone emulators. With neither port given both emulators run on their default ports; with one given,
/// only that one runs.
/// </summary>
public sealed class EmulatorOptions
{
    [Flag("kube-port", "Port of the Kubernetes API emulator (0 picks a free one).")]
    [FlagRange(0, 65535)]
    public int? KubePort { get; set; }

    [Flag("kubeconfig-out", "Where to write a kubeconfig for kubectl and the services (default: a file in the temp folder).")]
    public string? KubeconfigOut { get; set; }

    [Flag("kube-tls", "Serve the Kubernetes API over HTTPS with a throwaway cluster CA.")]
    public bool KubeTls { get; set; }

    [Flag("aws-port", "Port of the AWS emulator: STS, ELBv2, ACM, Route53, EC2 and instance metadata (0 picks a free one).")]
    [FlagRange(0, 65535)]
    public int? AwsPort { get; set; }

    [Flag("aws-seed", "YAML or JSON seed of the AWS account (VPCs, subnets, security groups, instances, certificates, zones).")]
    public string? AwsSeed { get; set; }

    [Flag("aws-behavior", "realistic (AWS's timing, eventual consistency and throttling, scaled to seconds) or instant (everything at once, no throttling).")]
    public string AwsBehavior { get; set; } = "realistic";

    public bool RunsKubernetes => KubePort is not null || AwsPort is null;

    public bool RunsAws => AwsPort is not null || KubePort is null;
}

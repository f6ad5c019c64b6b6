namespace AwsIntegrations.Kubernetes.Config;

public sealed class ExecEnv
{
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";
}

namespace AwsIntegrations.Kubernetes.Config;

public sealed class ExecConfig
{
    public string Command { get; set; } = "";

    public List<string>? Args { get; set; }

    public List<ExecEnv>? Env { get; set; }

    public string? ApiVersion { get; set; }
}

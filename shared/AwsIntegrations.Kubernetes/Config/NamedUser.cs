namespace AwsIntegrations.Kubernetes.Config;

public sealed class NamedUser
{
    public string Name { get; set; } = "";

    public UserEntry User { get; set; } = new();
}

namespace AwsIntegrations.Kubernetes.Config;

public sealed class NamedContext
{
    public string Name { get; set; } = "";

    public ContextEntry Context { get; set; } = new();
}

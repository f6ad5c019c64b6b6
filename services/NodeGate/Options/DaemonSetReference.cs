namespace AwsIntegrations.NodeGate.Options;

/// <summary>A DaemonSet named in the config file.</summary>
public sealed record DaemonSetReference(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}

namespace AwsIntegrations.DnsController.Options;

/// <summary>The --source values (external-dns's names), which are also the kind in a resource label (ingress/default/web).</summary>
public static class SourceKind
{
    public const string Ingress = "ingress";
    public const string Service = "service";
}

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>A listener as last read or written: its default certificate, the other certificates, and its default action.</summary>
public sealed class ListenerState
{
    public required string Arn { get; init; }

    public required string Protocol { get; init; }

    public int Port { get; init; }

    public string? SslPolicy { get; set; }

    public string? DefaultCertificate { get; set; }

    /// <summary>Listener certificates besides the default.</summary>
    public HashSet<string> Certificates { get; init; } = new(StringComparer.Ordinal);

    /// <summary>"forward" (to <see cref="ForwardTargetGroup"/>) or "redirect" (to HTTPS).</summary>
    public string Action { get; set; } = "forward";

    public string? ForwardTargetGroup { get; set; }
}

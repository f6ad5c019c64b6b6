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

    /// <summary><see cref="ListenerActions.Forward"/> (to <see cref="ForwardTargetGroup"/>) or <see cref="ListenerActions.Redirect"/> (to HTTPS).</summary>
    public string Action { get; set; } = ListenerActions.Forward;

    public string? ForwardTargetGroup { get; set; }
}

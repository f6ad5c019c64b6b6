namespace AwsIntegrations.IngressController.Inventory;

/// <summary>ELBv2 listener and target group protocols the controller uses.</summary>
public static class ListenerProtocols
{
    public const string Https = "HTTPS";
    public const string Tls = "TLS";
    public const string Http = "HTTP";
    public const string Tcp = "TCP";

    /// <summary>HTTPS and TLS listeners hold certificates, on port 443; HTTP and TCP ones are on port 80.</summary>
    public static bool IsSecure(string protocol) => protocol is Https or Tls;
}

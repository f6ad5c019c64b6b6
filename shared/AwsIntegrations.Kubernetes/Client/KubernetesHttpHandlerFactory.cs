using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AwsIntegrations.Kubernetes.Config;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>Builds the socket handler for a connection: client certificate, the cluster's CA (not the system's), SNI name.</summary>
internal static class KubernetesHttpHandlerFactory
{
    public static SocketsHttpHandler Create(KubernetesConnection connection)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            MaxConnectionsPerServer = 64,
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        var ssl = new SslClientAuthenticationOptions { TargetHost = connection.TlsServerName };
        if (connection.ClientCertificate is { } certificate)
        {
            ssl.ClientCertificates = [certificate];
        }

        if (connection.InsecureSkipTlsVerify)
        {
            ssl.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (connection.CertificateAuthorities is { } authorities)
        {
            ssl.RemoteCertificateValidationCallback = (_, presented, _, errors) => TrustedBy(authorities, presented, errors);
        }

        handler.SslOptions = ssl;
        return handler;
    }

    private static bool TrustedBy(X509Certificate2Collection authorities, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}

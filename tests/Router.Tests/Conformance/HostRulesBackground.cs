using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>features/host_rules.feature, Background.</summary>
public sealed class HostRulesBackground : FeatureBackground
{
    protected override int Subnet => 3;

    protected override async Task ArrangeAsync()
    {
        // Given a self-signed TLS secret named "conformance-tls" for the "foo.bar.com" hostname (NewSelfSignedSecret: RSA 2048,
        // CN default, O Acme Co, the host as a DNS name). TLS ends at the ALB in this design: the Router never reads it.
        Cluster.Router.Kube.Create("Secret", Namespace, SelfSignedSecret("conformance-tls", "foo.bar.com"));
        // Given an Ingress resource
        await Cluster.AnIngressResourceAsync(Namespace, """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: host-rules
            spec:
              tls:
                - hosts:
                    - foo.bar.com
                  secretName: conformance-tls
              rules:
                - host: "*.foo.com"
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: wildcard-foo-com
                            port:
                              number: 8080

                - host: foo.bar.com
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: foo-bar-com
                            port:
                              name: http
            """);
        // Then The Ingress status shows the IP address or FQDN where it is exposed
        await Cluster.WaitUntilExposedAsync("foo.bar.com", "");
    }

    private static JsonObject SelfSignedSecret(string name, string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=default, O=Acme Co", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(365));
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name },
            ["type"] = "kubernetes.io/tls",
            ["data"] = new JsonObject
            {
                ["tls.crt"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate.ExportCertificatePem())),
                ["tls.key"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(key.ExportRSAPrivateKeyPem())),
            },
        };
    }
}

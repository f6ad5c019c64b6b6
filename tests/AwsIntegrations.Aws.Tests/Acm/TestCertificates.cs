using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AwsIntegrations.Aws.Tests.Acm;

/// <summary>Self-signed certificates made on the spot, in PEM, for importing into ACM.</summary>
internal static class TestCertificates
{
    public static (string Certificate, string PrivateKey) Rsa(string domain, int bits = 2048, DateTimeOffset? notAfter = null, params string[] alternativeNames)
    {
        using var key = RSA.Create(bits);
        var request = new CertificateRequest($"CN={domain}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Finish(request, domain, alternativeNames, notAfter, key.ExportPkcs8PrivateKeyPem());
    }

    public static (string Certificate, string PrivateKey) Ecdsa(string domain)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={domain}", key, HashAlgorithmName.SHA256);
        return Finish(request, domain, [], null, key.ExportPkcs8PrivateKeyPem());
    }

    private static (string, string) Finish(CertificateRequest request, string domain, string[] alternativeNames, DateTimeOffset? notAfter, string keyPem)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in alternativeNames.Prepend(domain))
        {
            names.AddDnsName(name);
        }

        request.CertificateExtensions.Add(names.Build());
        var end = notAfter ?? DateTimeOffset.UtcNow.AddDays(90);
        using var certificate = request.CreateSelfSigned(end.AddDays(-100), end);
        return (certificate.ExportCertificatePem(), keyPem);
    }
}

namespace AwsIntegrations.IngressController.Certificates;

/// <summary>An ACM certificate as discovery sees it: the names it covers and its validity.</summary>
public sealed record CertificateInfo(string Arn, IReadOnlyList<string> Names, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string Status = "ISSUED");

namespace AwsIntegrations.Aws;

/// <summary>Where to send a service's requests and which region to sign them for.</summary>
internal sealed record AwsEndpoint(Uri Url, string SigningRegion);

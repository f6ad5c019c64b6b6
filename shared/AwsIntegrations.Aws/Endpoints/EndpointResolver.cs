namespace AwsIntegrations.Aws;

/// <summary>
/// Resolves endpoints the way the AWS SDKs do: AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt;, then the global override
/// (AWS_ENDPOINT_URL or --aws-endpoint-url), then the public endpoint for the region. Global services
/// (Route 53) are signed for their partition's home region whatever the endpoint.
/// </summary>
public sealed class EndpointResolver
{
    private readonly string _region;
    private readonly string? _globalOverride;
    private readonly Func<string, string?> _environment;

    public EndpointResolver(string region, string? globalOverride = null, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        _region = region;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _globalOverride = string.IsNullOrWhiteSpace(globalOverride) ? null : globalOverride;
    }

    public string Region => _region;

    internal AwsEndpoint Resolve(AwsService service)
    {
        var signingRegion = service.IsGlobal ? GlobalSigningRegion(_region) : _region;
        var configured = ConfiguredUrl(service);
        if (configured is not null)
        {
            return new AwsEndpoint(Parse(configured, service), signingRegion);
        }

        return new AwsEndpoint(new Uri(DefaultUrl(service, _region)), signingRegion);
    }

    private string? ConfiguredUrl(AwsService service)
    {
        if (string.Equals(_environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return NonEmpty(_environment(service.EndpointEnvironmentVariable)) ?? _globalOverride ?? NonEmpty(_environment("AWS_ENDPOINT_URL"));
    }

    internal static string DefaultUrl(AwsService service, string region)
    {
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        if (service.IsGlobal)
        {
            return region.StartsWith("us-gov-", StringComparison.Ordinal)
                ? $"https://{service.EndpointPrefix}.us-gov.{suffix}"
                : $"https://{service.EndpointPrefix}.{suffix}";
        }

        return $"https://{service.EndpointPrefix}.{region}.{suffix}";
    }

    internal static string GlobalSigningRegion(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "cn-northwest-1",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "us-gov-west-1",
        _ => "us-east-1",
    };

    private static Uri Parse(string url, AwsService service) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"the endpoint for {service.ServiceId} is not an http(s) URL: {url}");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

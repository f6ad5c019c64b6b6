using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Aws;

/// <summary>How the suite talks to AWS: region, retries, client-side rate limits and endpoints.</summary>
public sealed class AwsOptions
{
    [Flag("aws-region", "AWS region; when empty, the AWS SDK chain decides (AWS_REGION, profile, instance metadata)")]
    public string? Region { get; set; }

    [Flag("aws-endpoint-url", "Endpoint for every AWS service (like AWS_ENDPOINT_URL); AWS_ENDPOINT_URL_<SERVICE_ID> wins per service", Env = "AWS_ENDPOINT_URL")]
    public string? EndpointUrl { get; set; }

    [Flag("aws-max-attempts", "Attempts per AWS call, first try included (AWS standard retry mode)", Env = "AWS_MAX_ATTEMPTS")]
    public int MaxAttempts { get; set; } = 3;

    [Flag("aws-retry-base-delay-seconds", "Base of the exponential backoff with full jitter")]
    public double RetryBaseDelaySeconds { get; set; } = 1;

    [Flag("aws-retry-max-backoff-seconds", "Upper bound of one backoff delay")]
    public double RetryMaxBackoffSeconds { get; set; } = 20;

    [Flag("aws-retry-quota", "Client-side retry quota (tokens); a retry costs 5, a retry after a timeout 10")]
    public int RetryQuota { get; set; } = 500;

    [Flag("aws-request-timeout-seconds", "Timeout of one HTTP attempt")]
    public double RequestTimeoutSeconds { get; set; } = 30;

    [Flag("aws-route53-rps", "Client-side limit on Route 53 requests per second (AWS allows 5 per account)")]
    public double Route53Rps { get; set; } = 4;

    [Flag("aws-elbv2-rps", "Client-side limit on Elastic Load Balancing v2 requests per second (shared by every call of the process)")]
    public double ElbV2Rps { get; set; } = 10;

    [Flag("aws-ec2-rps", "Client-side limit on EC2 requests per second (AWS refills describe calls at 20/s per account)")]
    public double Ec2Rps { get; set; } = 15;

    [Flag("aws-acm-rps", "Client-side limit on ACM requests per second")]
    public double AcmRps { get; set; } = 5;

    [Flag("aws-sts-rps", "Client-side limit on STS requests per second")]
    public double StsRps { get; set; } = 20;

    [Flag("aws-wafv2-rps", "Client-side limit on WAFv2 requests per second (AWS Load Balancer Controller: 0.5 for associations)")]
    [FlagRange(0, 100)]
    public double Wafv2Rps { get; set; } = 0.5;

    [Flag("aws-rate-burst-seconds", "Burst allowance of the rate limits, in seconds of the per-service rate")]
    public double RateBurstSeconds { get; set; } = 2;

    [Flag("aws-imds-endpoint", "Instance metadata service address", Env = "AWS_EC2_METADATA_SERVICE_ENDPOINT")]
    public string ImdsEndpoint { get; set; } = "http://169.254.169.254";

    internal double RateFor(AwsService service) => service.Name switch
    {
        "route53" => Route53Rps,
        "elbv2" => ElbV2Rps,
        "ec2" => Ec2Rps,
        "acm" => AcmRps,
        "sts" => StsRps,
        "wafv2" => Wafv2Rps,
        _ => 0,
    };

    /// <summary>Throws a clear error for values the pipeline cannot work with.</summary>
    public void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentException($"--aws-max-attempts must be at least 1 (got {MaxAttempts})");
        }

        if (RetryBaseDelaySeconds < 0 || RetryMaxBackoffSeconds < 0 || RequestTimeoutSeconds <= 0 || RetryQuota < 0)
        {
            throw new ArgumentException("AWS retry delays, quota and timeout must not be negative (and the timeout must be positive)");
        }

        if (EndpointUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"--aws-endpoint-url is not an absolute URL: {url}");
        }
    }
}

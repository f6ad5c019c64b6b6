namespace AwsIntegrations.Aws;

/// <summary>Which failures the AWS standard retry mode retries.</summary>
public static class RetryClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
    };

    public static bool IsThrottling(string code, int statusCode) => statusCode == 429 || ThrottlingCodes.Contains(code);

    public static bool IsTransient(string code, int statusCode) =>
        statusCode is 500 or 502 or 503 or 504 || TransientCodes.Contains(code);

    public static bool IsRetryable(string code, int statusCode) => IsThrottling(code, statusCode) || IsTransient(code, statusCode);
}

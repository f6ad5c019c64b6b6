namespace AwsIntegrations.Aws;

/// <summary>
/// An AWS call that failed for good (after the retries the error allowed): the AWS error code and message, the request
/// id to quote to AWS support, the HTTP status (0 when no response arrived) and how many attempts were made.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string service, string operation, string code, string message, string? requestId, int statusCode, int attempts, Exception? inner = null)
        : base($"{service}:{operation} failed after {attempts} attempt(s): {code} (HTTP {statusCode}): {message}" + (requestId is null ? string.Empty : $" [request id {requestId}]"), inner)
    {
        Service = service;
        Operation = operation;
        Code = code;
        AwsMessage = message;
        RequestId = requestId;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    public AwsServiceException()
        : this("unknown", "unknown", "Unknown", string.Empty, null, 0, 0)
    {
    }

    public AwsServiceException(string message)
        : this("unknown", "unknown", "Unknown", message, null, 0, 0)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : this("unknown", "unknown", "Unknown", message, null, 0, 0, innerException)
    {
    }

    public string Service { get; }

    public string Operation { get; }

    /// <summary>The AWS error code (ThrottlingException, LoadBalancerNotFound, ...); RequestFailed when no answer came.</summary>
    public string Code { get; }

    /// <summary>The message AWS sent, without our prefix.</summary>
    public string AwsMessage { get; }

    public string? RequestId { get; }

    public int StatusCode { get; }

    public int Attempts { get; }

    public bool IsThrottling => RetryClassifier.IsThrottling(Code, StatusCode);
}

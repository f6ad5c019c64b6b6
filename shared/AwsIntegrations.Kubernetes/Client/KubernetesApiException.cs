using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>The API server refused a request; <see cref="Status"/> is its explanation. Subclasses name the cases callers handle.</summary>
public class KubernetesApiException(int statusCode, Status? status, string message, Exception? inner = null) : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;

    public Status? Status { get; } = status;

    public string? Reason => Status?.Reason;

    /// <summary>True when the server sent this as an ERROR event inside a watch (not as the answer to the request).</summary>
    public bool IsWatchEvent { get; internal init; }

    internal static KubernetesApiException From(int code, Status? status, TimeSpan? retryAfter, string what, bool watchEvent = false)
    {
        var message = $"{what}: {code} {status?.Reason}: {status?.Message}".TrimEnd(' ', ':');
        return code switch
        {
            404 => new KubernetesNotFoundException(status, message) { IsWatchEvent = watchEvent },
            409 => new KubernetesConflictException(status, message) { IsWatchEvent = watchEvent },
            410 => new KubernetesGoneException(status, message) { IsWatchEvent = watchEvent },
            422 => new KubernetesInvalidException(status, message) { IsWatchEvent = watchEvent },
            429 => new KubernetesTooManyRequestsException(status, message, retryAfter) { IsWatchEvent = watchEvent },
            >= 500 => new KubernetesServerErrorException(code, status, message, retryAfter) { IsWatchEvent = watchEvent },
            _ => new KubernetesApiException(code, status, message) { IsWatchEvent = watchEvent },
        };
    }
}

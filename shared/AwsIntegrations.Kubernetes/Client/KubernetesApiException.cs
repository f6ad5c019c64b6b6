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

/// <summary>404: the object (or its namespace) does not exist.</summary>
public sealed class KubernetesNotFoundException(Status? status, string message) : KubernetesApiException(404, status, message);

/// <summary>409: a stale resourceVersion or failed precondition (Reason Conflict), or a create of an existing name (AlreadyExists).</summary>
public sealed class KubernetesConflictException(Status? status, string message) : KubernetesApiException(409, status, message)
{
    public bool IsAlreadyExists => Reason == "AlreadyExists";
}

/// <summary>410: the resourceVersion or continue token is older than the server's history; list again.</summary>
public sealed class KubernetesGoneException(Status? status, string message) : KubernetesApiException(410, status, message);

/// <summary>422: the object failed validation; <see cref="Causes"/> names the fields.</summary>
public sealed class KubernetesInvalidException(Status? status, string message) : KubernetesApiException(422, status, message)
{
    public IReadOnlyList<StatusCause> Causes => Status?.Details?.Causes ?? [];
}

/// <summary>429: throttled by the server (API priority and fairness); retry after <see cref="RetryAfter"/>.</summary>
public sealed class KubernetesTooManyRequestsException(Status? status, string message, TimeSpan? retryAfter)
    : KubernetesApiException(429, status, message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>5xx: the server failed; reads are retried by the client before this is thrown.</summary>
public sealed class KubernetesServerErrorException(int code, Status? status, string message, TimeSpan? retryAfter)
    : KubernetesApiException(code, status, message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

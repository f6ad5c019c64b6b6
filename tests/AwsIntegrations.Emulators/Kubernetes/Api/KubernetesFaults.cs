using System.Collections.Concurrent;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Api;

/// <summary>Faults a test switches on: slow answers, and error answers (429, 500, …) for a verb on a resource.</summary>
public sealed class KubernetesFaults
{
    private readonly ConcurrentDictionary<(string Verb, string Resource), Failure> _failures = new();

    /// <summary>Added before every answer.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answers <paramref name="code"/> to the next <paramref name="times"/> requests with that verb on that resource (plural).</summary>
    public void Fail(string verb, string resource, int code, int times = int.MaxValue, TimeSpan? retryAfter = null) =>
        _failures[(verb, resource)] = new Failure(code, times, retryAfter);

    /// <summary>The next <paramref name="times"/> watches of that resource answer 200 and then one ERROR event with this code.</summary>
    public void FailWatchWithEvent(string resource, int code, int times = 1) =>
        _failures[("watch-event", resource)] = new Failure(code, times, null);

    public void Clear()
    {
        _failures.Clear();
        Delay = TimeSpan.Zero;
    }

    internal ApiError? Next(string verb, string resource)
    {
        if (!_failures.TryGetValue((verb, resource), out var failure) || Interlocked.Decrement(ref failure.Remaining) < 0)
        {
            return null;
        }

        var reason = failure.Code switch
        {
            429 => "TooManyRequests",
            500 => "InternalError",
            503 => "ServiceUnavailable",
            504 => "Timeout",
            _ => "Unknown",
        };
        return new ApiError(failure.Code, reason, $"injected fault: {verb} {resource} answers {failure.Code}") { RetryAfter = failure.RetryAfter };
    }

    private sealed class Failure(int code, int times, TimeSpan? retryAfter)
    {
        public int Code { get; } = code;

        public TimeSpan? RetryAfter { get; } = retryAfter;

        public int Remaining = times;
    }
}

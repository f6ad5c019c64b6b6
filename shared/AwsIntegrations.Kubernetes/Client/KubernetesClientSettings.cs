using System.Diagnostics.Metrics;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>Tuning of one <see cref="KubernetesConnection"/>; the defaults suit a controller.</summary>
public sealed record KubernetesClientSettings
{
    /// <summary>Requests per second (client-side); 0 or less: unlimited.</summary>
    public double Qps { get; init; } = 20;

    public int Burst { get; init; } = 30;

    /// <summary>Retries of a request answered 429 (any verb: the server did not act) or 5xx / a transport failure (reads only).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First pause between retries when the server names none; doubles, with jitter.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Timeout of every call except watches (retries included).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public IMeterFactory? MeterFactory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>User-Agent header; default "&lt;program&gt;/&lt;version&gt; (aws-integrations)".</summary>
    public string? UserAgent { get; init; }

    /// <summary>More handlers, innermost (closest to the wire): tests record or fail requests with them.</summary>
    public IReadOnlyList<DelegatingHandler> Handlers { get; init; } = [];
}

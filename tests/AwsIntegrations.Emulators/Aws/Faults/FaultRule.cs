namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// A fault for the calls matching <see cref="Service"/> and <see cref="Operation"/> (null matches all):
/// throttle a share of them, fail them with a code, delay them, or fail only the next <see cref="Remaining"/>.
/// </summary>
public sealed class FaultRule
{
    public string? Service { get; init; }

    public string? Operation { get; init; }

    /// <summary>0–100: this share of matching calls gets the service's throttling error (spread evenly, not at random).</summary>
    public int ThrottlePercent { get; init; }

    /// <summary>Fail matching calls with this code (and <see cref="StatusCode"/>).</summary>
    public string? ErrorCode { get; init; }

    public int StatusCode { get; init; } = 500;

    public TimeSpan Latency { get; init; }

    /// <summary>Only the next N matching calls fail; null: every one.</summary>
    public int? Remaining { get; set; }

    internal int Accumulator { get; set; }

    /// <summary>Only calls whose request path contains this (a Route 53 zone id, say); null: any path.</summary>
    public string? PathContains { get; init; }

    public bool Matches(string service, string operation, string path) =>
        (Service is null || Service == service) && (Operation is null || Operation == operation)
        && (PathContains is null || path.Contains(PathContains, StringComparison.Ordinal));
}

namespace AwsIntegrations.Benchmarks.Router.Load;

/// <summary>wrk's "Socket errors" line: connections refused, reset or closed mid-response, failed writes, and requests past its timeout.</summary>
public sealed record SocketErrors(long Connect, long Read, long Write, long Timeout)
{
    public static SocketErrors None { get; } = new(0, 0, 0, 0);

    public long Total => Connect + Read + Write + Timeout;

    public override string ToString() => $"connect {Connect}, read {Read}, write {Write}, timeout {Timeout}";
}

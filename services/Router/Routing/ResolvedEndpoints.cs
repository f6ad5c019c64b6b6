namespace AwsIntegrations.Router.Routing;

/// <summary>Addresses (ip:port) of a backend; <see cref="Problem"/> says why there are none when the Service or port is missing.</summary>
public sealed record ResolvedEndpoints(IReadOnlyList<string> Addresses, bool TerminatingFallback, string? Problem)
{
    public static ResolvedEndpoints Failed(string problem) => new([], false, problem);
}

namespace AwsIntegrations.Router.Filters;

/// <summary>comment(...) and annotate(key, value): they change nothing here.</summary>
public sealed class NoOpFilter : RouteFilter
{
    public static NoOpFilter Instance { get; } = new();
}

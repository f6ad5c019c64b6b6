namespace AwsIntegrations.Router.Routing;

/// <summary>Why one route was left out: the Event reason and its message.</summary>
public sealed record RouteProblem(string Reason, string Message);

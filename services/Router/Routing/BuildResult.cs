namespace AwsIntegrations.Router.Routing;

public sealed record BuildResult(RouteTable Table, IReadOnlyList<BuildProblem> Problems, IReadOnlySet<string> Addresses);

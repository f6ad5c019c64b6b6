using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>The changes one zone needs, and the problems found on the way (reported, never applied).</summary>
public sealed record ZonePlan(IReadOnlyList<ChangeGroup> Groups, IReadOnlyList<SourceProblem> Problems)
{
    public static ZonePlan Empty { get; } = new([], []);
}

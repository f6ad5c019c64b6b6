using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>One object's records and problems, remembered with the object's resourceVersion so unchanged objects are not rebuilt.</summary>
public sealed record BuiltSource(string Resource, string? Version, int AliasVersion, IReadOnlyList<DesiredRecord> Records, IReadOnlyList<SourceProblem> Problems)
{
    public static BuiltSource From(SourceObject source, RecordSettings settings, Func<string, AliasTarget?> aliasFor, int aliasVersion = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (records, problems) = EndpointBuilder.Build(source, settings, aliasFor);
        return new BuiltSource(source.Resource, source.Object?.Metadata.ResourceVersion, aliasVersion, records, problems);
    }

    public IEnumerable<string> Names => Records.Select(r => r.Name);
}

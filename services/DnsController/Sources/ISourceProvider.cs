using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Sources;

/// <summary>The objects whose hostnames are published, as of now (after the initial list).</summary>
public interface ISourceProvider
{
    Task<IReadOnlyList<SourceObject>> CurrentAsync(CancellationToken cancellationToken);
}

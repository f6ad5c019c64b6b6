namespace AwsIntegrations.Aws;

/// <summary>The Route 53 operations the suite uses (a global service, signed for us-east-1). List operations return every page.</summary>
public interface IRoute53Api
{
    Task<IReadOnlyList<HostedZoneSummary>> ListHostedZonesAsync(CancellationToken cancellationToken = default);

    Task<HostedZoneDetails> GetHostedZoneAsync(string hostedZoneId, CancellationToken cancellationToken = default);

    Task<HostedZoneDetails> CreateHostedZoneAsync(CreateHostedZoneRequest request, CancellationToken cancellationToken = default);

    Task<Route53ChangeInfo> DeleteHostedZoneAsync(string hostedZoneId, CancellationToken cancellationToken = default);

    /// <summary>Every record set of the zone, following NextRecordName / NextRecordType / NextRecordIdentifier.</summary>
    Task<IReadOnlyList<Route53RecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, CancellationToken cancellationToken = default);

    /// <summary>One atomic batch (all changes apply or none); see <see cref="Route53Limits"/> for its size limits.</summary>
    Task<Route53ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, IReadOnlyList<Route53Change> changes, string? comment = null, CancellationToken cancellationToken = default);

    Task<Route53ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default);
}

using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Registry;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>Who owns a record, and through which TXT record (and format) that is known.</summary>
public sealed record Ownership(OwnerLabels Labels, Route53RecordSet Txt, OwnershipFormat Format);

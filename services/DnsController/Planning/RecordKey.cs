namespace AwsIntegrations.DnsController.Planning;

/// <summary>Route 53 identifies a record set by name, type and set identifier; the planner works per name and set identifier.</summary>
public sealed record RecordKey(string Name, string? SetIdentifier);

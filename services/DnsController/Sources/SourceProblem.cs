namespace AwsIntegrations.DnsController.Sources;

/// <summary>Something the user must fix on an object (bad annotation, no zone, name owned by someone else).</summary>
public sealed record SourceProblem(string Resource, string Reason, string Message);

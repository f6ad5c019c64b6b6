namespace AwsIntegrations.DnsController.Planning;

/// <summary>What a change group does to one record, for Events and metrics: created, updated or deleted.</summary>
public sealed record RecordAction(string Verb, string Type, string Name);

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// One authorization made for a recorded call: the action, the resource, the effect and the statements that decided it
/// ("policy#Sid"). Calls with unrestricted keys have none.
/// </summary>
public sealed record AuthorizationRecord(string Action, string Resource, string Effect, IReadOnlyList<string> Statements);

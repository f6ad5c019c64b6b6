namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// A role whose permissions the emulator enforces: calls signed with credentials of its sessions are checked against its
/// permissions policies, and assuming it is checked against its trust policy (when it has one).
/// </summary>
public sealed record IamRole(string Name, string Arn, PolicyDocument? TrustPolicy, IReadOnlyList<PolicyDocument> Policies);

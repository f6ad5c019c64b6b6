namespace AwsIntegrations.NodeGate.Gate;

public static class GateAnnotations
{
    /// <summary>Written in the same patch that removes the taint: the release time (RFC 3339). A node carrying it is never gated again.</summary>
    public const string Released = "aws-integrations.io/node-gate-released";
}

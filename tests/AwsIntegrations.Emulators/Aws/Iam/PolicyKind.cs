namespace AwsIntegrations.Emulators.Aws;

/// <summary>What a policy document is attached as, which decides the elements it must and must not have.</summary>
public enum PolicyKind
{
    /// <summary>A permissions policy of a role: Resource or NotResource, no Principal.</summary>
    Identity,

    /// <summary>A role's trust policy: Principal or NotPrincipal, no Resource.</summary>
    Trust,
}

namespace AwsIntegrations.Emulators.Aws;

/// <summary>The outcome of evaluating policies for one request.</summary>
public enum AuthorizationEffect
{
    Allow,

    /// <summary>A Deny statement applies: it wins over every Allow.</summary>
    ExplicitDeny,

    /// <summary>No statement applies: denied by default.</summary>
    ImplicitDeny,
}

namespace AwsIntegrations.Emulators.Aws;

/// <summary>How the emulated instance metadata service behaves, and which instance it describes.</summary>
public sealed class ImdsSettings
{
    /// <summary>"optional" (IMDSv1 and v2) or "required" (tokens only), as the instance's HttpTokens option.</summary>
    public string HttpTokens { get; set; } = "optional";

    /// <summary>When true the token PUT never gets an answer, as when the response's hop limit is exceeded in a container.</summary>
    public bool TokenHopLimitExceeded { get; set; }

    public string? InstanceId { get; set; }

    public string RoleName { get; set; } = "sandbox-node";
}

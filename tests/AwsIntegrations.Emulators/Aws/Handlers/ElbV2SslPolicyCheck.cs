namespace AwsIntegrations.Emulators.Aws;

/// <summary>Which security policy a secure listener gets, as AWS decides it (the names: <see cref="AwsIntegrations.Aws.ElbV2SslPolicies"/>).</summary>
public static class ElbV2SslPolicyCheck
{
    /// <summary>The one asked for (which must be predefined, else SSLPolicyNotFound), else what the listener has, else AWS's API default.</summary>
    public static string Resolve(string? asked, string? current)
    {
        if (asked is null)
        {
            return current ?? AwsIntegrations.Aws.ElbV2SslPolicies.ApiDefault;
        }

        return AwsIntegrations.Aws.ElbV2SslPolicies.Predefined.Contains(asked) ? asked : throw new AwsFault("SSLPolicyNotFound", $"The specified SSL policy '{asked}' does not exist");
    }
}

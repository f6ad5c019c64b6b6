namespace AwsIntegrations.Kube2Iam.Credentials;

/// <summary>Lifetimes of the credential cache, derived from --iam-role-session-ttl and --iam-role-error-ttl.</summary>
public sealed record CredentialCacheSettings(TimeSpan SessionTtl, TimeSpan ErrorTtl)
{
    /// <summary>STS session length: twice the TTL as in kube2iam, and at least 30 minutes so 15 always remain to serve.</summary>
    public TimeSpan SessionDuration => TimeSpan.FromSeconds(Math.Min(43200, Math.Max(1800, 2 * SessionTtl.TotalSeconds)));

    /// <summary>Refresh in the background once fewer than this remain (at least 20 minutes: 5 before they stop being served).</summary>
    public TimeSpan RefreshWhenRemaining => TimeSpan.FromSeconds(Math.Max(1200, Math.Min(SessionTtl.TotalSeconds, SessionDuration.TotalSeconds - 60)));
}

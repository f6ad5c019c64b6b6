namespace AwsIntegrations.Kube2Iam.Metadata;

public enum RouteKind
{
    /// <summary>Not a path we answer: bad characters, dot segments, double slashes, too long (400).</summary>
    Invalid,
    Token,
    IamRoot,
    IamInfo,
    CredentialsList,
    CredentialsForRole,
    NotFound,
    Blocked,
    Proxy,
}

/// <summary>What a request path is: the route, and the role name or the upstream path below /latest/ it carries.</summary>
public sealed record MetadataRoute(RouteKind Kind, string Value = "")
{
    /// <summary>The metric label of the route (bounded set).</summary>
    public string Label => Kind switch
    {
        RouteKind.CredentialsForRole or RouteKind.CredentialsList or RouteKind.IamRoot => "credentials",
        RouteKind.IamInfo => "info",
        RouteKind.Token => "token",
        RouteKind.Proxy => "proxy",
        _ => "other",
    };
}

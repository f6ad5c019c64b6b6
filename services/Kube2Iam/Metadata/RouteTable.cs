using System.Text.RegularExpressions;

namespace Kube2Iam.Metadata;

/// <summary>
/// Classifies a request target (raw, before any decoding) as a pure function. Anything that could mean another path
/// after decoding or normalising (%, dot segments, //, backslashes) is refused outright; only /latest/ is served;
/// the node's credentials (any other iam/ or identity-credentials/ path) and user-data are never proxied.
/// </summary>
public sealed class RouteTable(bool allowUserData, Regex? block, Regex? allow)
{
    public const int MaxPathLength = 512;
    private const string Iam = "/latest/meta-data/iam";

    public MetadataRoute Classify(string rawTarget)
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? rawTarget : rawTarget[..query];
        if (!IsClean(path))
        {
            return new MetadataRoute(RouteKind.Invalid);
        }

        if (path == "/latest/api/token")
        {
            return new MetadataRoute(RouteKind.Token);
        }

        if (path.StartsWith(Iam, StringComparison.Ordinal) && (path.Length == Iam.Length || path[Iam.Length] == '/'))
        {
            return ClassifyIam(path[Iam.Length..]);
        }

        if (path is "/" or "/latest" or "/latest/")
        {
            return new MetadataRoute(RouteKind.Proxy, string.Empty);
        }

        if (!path.StartsWith("/latest/", StringComparison.Ordinal) || path.Contains("/iam/", StringComparison.Ordinal) || path.EndsWith("/iam", StringComparison.Ordinal)
            || path.Contains("identity-credentials", StringComparison.Ordinal) || path.Contains("/api/", StringComparison.Ordinal))
        {
            return new MetadataRoute(RouteKind.Blocked, "only /latest/ metadata outside iam/ is proxied");
        }

        if (!allowUserData && (path == "/latest/user-data" || path.StartsWith("/latest/user-data/", StringComparison.Ordinal)))
        {
            return new MetadataRoute(RouteKind.Blocked, "user-data is blocked (--allow-user-data)");
        }

        if (block is not null && SafeMatch(block, path, onTimeout: true))
        {
            return new MetadataRoute(RouteKind.Blocked, "blocked by --block-route-regexp");
        }

        if (allow is not null && !SafeMatch(allow, path, onTimeout: false))
        {
            return new MetadataRoute(RouteKind.NotFound);
        }

        return new MetadataRoute(RouteKind.Proxy, path["/latest/".Length..]);
    }

    private static MetadataRoute ClassifyIam(string rest) => rest switch
    {
        "" or "/" => new MetadataRoute(RouteKind.IamRoot),
        "/info" or "/info/" => new MetadataRoute(RouteKind.IamInfo),
        "/security-credentials" or "/security-credentials/" => new MetadataRoute(RouteKind.CredentialsList),
        _ when rest.StartsWith("/security-credentials/", StringComparison.Ordinal) && rest.TrimEnd('/')["/security-credentials/".Length..] is { Length: > 0 } name && !name.Contains('/', StringComparison.Ordinal)
            => new MetadataRoute(RouteKind.CredentialsForRole, name),
        _ => new MetadataRoute(RouteKind.NotFound),
    };

    private static bool IsClean(string path)
    {
        if (path.Length == 0 || path.Length > MaxPathLength || path[0] != '/' || path.Contains("//", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or '+' or '=' or ',' or '@'))
            {
                return false;
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    // A timeout fails closed: blocked, or not allowed.
    private static bool SafeMatch(Regex regex, string path, bool onTimeout)
    {
        try
        {
            return regex.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return onTimeout;
        }
    }
}

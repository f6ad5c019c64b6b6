using System.Text.RegularExpressions;

namespace AwsIntegrations.Kube2Iam.Metadata;

/// <summary>
/// Classifies a request target (raw, before any decoding) as a pure function. Anything that could mean another path
/// after decoding or normalising (%, dot segments, //, backslashes) is refused outright; only /latest/ is served;
/// the node's credentials (any other iam/ or identity-credentials/ path) and user-data are never proxied.
/// </summary>
public sealed class RouteTable(bool allowUserData, Regex? block, Regex? allow)
{
    public const int MaxPathLength = 512;
    private const string Iam = "/latest/meta-data/iam";
    private const string Credentials = Iam + "/security-credentials/";

    /// <summary>What an HTTP proxy client sends (kube2iam's README: http_proxy=${HOST_IP}:8181 on OpenShift 4): the absolute form.</summary>
    private const string ProxiedOrigin = "http://169.254.169.254";

    public MetadataRoute Classify(string rawTarget)
    {
        if (rawTarget.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            var origin = rawTarget.StartsWith(ProxiedOrigin + ":80/", StringComparison.OrdinalIgnoreCase) ? ProxiedOrigin.Length + 3 : ProxiedOrigin.Length;
            if (!rawTarget.StartsWith(ProxiedOrigin, StringComparison.OrdinalIgnoreCase) || rawTarget.Length <= origin || rawTarget[origin] != '/')
            {
                return new MetadataRoute(RouteKind.Blocked, "only http://169.254.169.254 is served to proxy clients");
            }

            rawTarget = rawTarget[origin..];
        }

        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? rawTarget : rawTarget[..query];
        if (!IsClean(path, allowColon: path.StartsWith(Credentials, StringComparison.Ordinal)))
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
        // A role with a path (team/app-writer) or a full ARN, as kube2iam lists them.
        _ when rest.StartsWith("/security-credentials/", StringComparison.Ordinal) && rest.TrimEnd('/')["/security-credentials/".Length..] is { Length: > 0 } name
            => new MetadataRoute(RouteKind.CredentialsForRole, name),
        _ => new MetadataRoute(RouteKind.NotFound),
    };

    // ':' only where kube2iam serves full role ARNs: a colon elsewhere could read as a scheme when the path is proxied.
    private static bool IsClean(string path, bool allowColon)
    {
        if (path.Length == 0 || path.Length > MaxPathLength || path[0] != '/' || path.Contains("//", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or '+' or '=' or ',' or '@' || (c == ':' && allowColon)))
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

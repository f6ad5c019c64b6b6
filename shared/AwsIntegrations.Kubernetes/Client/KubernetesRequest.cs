namespace AwsIntegrations.Kubernetes.Client;

/// <summary>
/// What a request to the API server does, for metrics: the verb (get, list, watch, create, update, patch, delete,
/// deletecollection) and the resource (plural, without subresource), read from its method and path as the API server's
/// own request-info resolver does.
/// </summary>
internal readonly record struct KubernetesRequest(string Verb, string Resource)
{
    // /api/v1/namespaces/{ns}/status and /finalize are subresources of the namespace, not a kind in it.
    private static readonly HashSet<string> NamespaceSubresources = new(StringComparer.Ordinal) { "status", "finalize" };

    public static KubernetesRequest Of(HttpMethod method, Uri uri)
    {
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var skip = parts.Length > 0 && parts[0] == "api" ? 2 : parts.Length > 0 && parts[0] == "apis" ? 3 : parts.Length;
        var rest = parts.Skip(skip).ToArray();
        if (rest.Length > 2 && rest[0] == "namespaces" && !NamespaceSubresources.Contains(rest[2]))
        {
            rest = rest[2..];
        }

        if (rest.Length == 0)
        {
            return new(method.Method.ToLowerInvariant(), "");
        }

        var named = rest.Length > 1;
        var verb = method.Method switch
        {
            "GET" when IsWatch(uri) => "watch",
            "GET" => named ? "get" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => named ? "delete" : "deletecollection",
            _ => method.Method.ToLowerInvariant(),
        };
        return new(verb, rest[0]);
    }

    /// <summary>A GET with watch=true (or 1) in its query: a stream that stays open, never retried.</summary>
    public static bool IsWatch(Uri uri)
    {
        var query = uri.IsAbsoluteUri ? uri.Query : uri.OriginalString.Contains('?', StringComparison.Ordinal) ? uri.OriginalString[uri.OriginalString.IndexOf('?', StringComparison.Ordinal)..] : "";
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair is "watch=true" or "watch=1" or "watch=True")
            {
                return true;
            }
        }

        return false;
    }
}

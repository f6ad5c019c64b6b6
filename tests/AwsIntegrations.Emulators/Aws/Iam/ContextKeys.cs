namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Builds the condition keys of a request (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
/// aws:ResourceTag/key for the tags the resource has, aws:RequestTag/key and the multivalued aws:TagKeys for the tags a
/// request sets, plus the service's own keys.
/// </summary>
public static class ContextKeys
{
    public static Dictionary<string, IReadOnlyList<string>> Of(params (string Key, string Value)[] keys)
    {
        var context = AuthorizationRequest.NewContext();
        foreach (var (key, value) in keys)
        {
            context[key] = [value];
        }

        return context;
    }

    /// <summary>aws:ResourceTag/key (and the service's duplicate, e.g. elasticloadbalancing:ResourceTag/key) for each tag.</summary>
    public static Dictionary<string, IReadOnlyList<string>> WithResourceTags(this Dictionary<string, IReadOnlyList<string>> context, IReadOnlyDictionary<string, string>? tags, string? servicePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            context["aws:ResourceTag/" + key] = [value];
            if (servicePrefix is not null)
            {
                context[$"{servicePrefix}:ResourceTag/{key}"] = [value];
            }
        }

        return context;
    }

    /// <summary>aws:RequestTag/key for each tag the request sets, and aws:TagKeys with their keys.</summary>
    public static Dictionary<string, IReadOnlyList<string>> WithRequestTags(this Dictionary<string, IReadOnlyList<string>> context, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var (key, value) in tags)
        {
            context["aws:RequestTag/" + key] = [value];
        }

        return tags.Count == 0 ? context : context.With("aws:TagKeys", tags.Keys.ToList());
    }

    public static Dictionary<string, IReadOnlyList<string>> With(this Dictionary<string, IReadOnlyList<string>> context, string key, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        context[key] = values;
        return context;
    }
}

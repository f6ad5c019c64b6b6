using System.Text.Json;
using System.Text.RegularExpressions;

namespace AwsIntegrations.Kube2Iam.Roles;

/// <summary>
/// A namespace's allowed-roles annotation, parsed once: a JSON array of globs or regexps matched against the full role
/// ARN (entries that are names get the base ARN, as in kube2iam). Anything unreadable allows nothing: restrictions fail closed.
/// </summary>
public sealed class AllowedRoles
{
    public const int MaxAnnotationLength = 16 * 1024;
    public const int MaxPatterns = 256;

    private readonly Regex[] _patterns;

    private AllowedRoles(Regex[] patterns, string? problem)
    {
        _patterns = patterns;
        Problem = problem;
    }

    /// <summary>Why the annotation allows nothing (bad JSON, a bad pattern, too big); null when it parsed.</summary>
    public string? Problem { get; }

    public static AllowedRoles None(string problem) => new([], problem);

    public static AllowedRoles Parse(string? annotation, string format, string baseArn, TimeSpan matchTimeout)
    {
        if (string.IsNullOrWhiteSpace(annotation))
        {
            return None("the namespace has no allowed-roles annotation");
        }

        if (annotation.Length > MaxAnnotationLength)
        {
            return None($"the allowed-roles annotation is {annotation.Length} characters long (at most {MaxAnnotationLength})");
        }

        string[] entries;
        try
        {
            entries = JsonSerializer.Deserialize(annotation, RolesJsonContext.Default.StringArray) ?? [];
        }
        catch (JsonException)
        {
            return None("the allowed-roles annotation is not a JSON array of strings");
        }

        if (entries.Length > MaxPatterns)
        {
            return None($"the allowed-roles annotation has {entries.Length} entries (at most {MaxPatterns})");
        }

        var patterns = new List<Regex>(entries.Length);
        foreach (var entry in entries.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            var target = entry.StartsWith("arn:", StringComparison.Ordinal) || baseArn.Length == 0 ? entry : baseArn.TrimEnd('/') + "/" + entry.TrimStart('/');
            var expression = format == "regexp" ? target : GlobToRegex(target);
            try
            {
                patterns.Add(new Regex("^(?:" + expression + @")\z", RegexOptions.CultureInvariant, matchTimeout));
            }
            catch (ArgumentException)
            {
                return None($"allowed-roles entry \"{RoleArns.Shorten(entry)}\" is not a valid {format}");
            }
        }

        return new AllowedRoles([.. patterns], null);
    }

    /// <summary>True when some entry matches the ARN; a match that runs out of time counts as no match.</summary>
    public bool Allows(string roleArn, out string? problem)
    {
        problem = Problem;
        foreach (var pattern in _patterns)
        {
            try
            {
                if (pattern.IsMatch(roleArn))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                problem = $"allowed-roles entry \"{RoleArns.Shorten(pattern.ToString())}\" took too long to match";
            }
        }

        return false;
    }

    /// <summary>kube2iam's globs (gobwas/glob without separators): * any run, ? one character, everything else literal.</summary>
    public static string GlobToRegex(string glob) =>
        string.Concat(glob.Select(c => c switch
        {
            '*' => ".*",
            '?' => ".",
            _ => Regex.Escape(c.ToString()),
        }));
}

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// IAM's wildcard matching: * matches any run of characters (none included), ? exactly one. Actions match without regard
/// to case ("The action names are not case-sensitive"); resource ARNs match segment by segment, case-sensitively, and a
/// wildcard never crosses the colon of an ARN's first five segments. Sources: IAM JSON policy elements Action and
/// Resource (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
/// </summary>
public static class IamPattern
{
    public static bool ActionMatches(string pattern, string action) =>
        Glob(pattern ?? string.Empty, action ?? string.Empty, ignoreCase: true);

    /// <summary>A Resource element (or ArnLike value) against an ARN: "*" matches everything, else each of the six segments.</summary>
    public static bool ArnMatches(string pattern, string arn)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(arn);
        if (pattern == "*")
        {
            return true;
        }

        var wanted = pattern.Split(':', 6);
        var actual = arn.Split(':', 6);
        return wanted.Length == 6 && actual.Length == 6 && wanted.Zip(actual).All(p => Glob(p.First, p.Second, ignoreCase: false));
    }

    public static bool Glob(string pattern, string text, bool ignoreCase)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) => ignoreCase ? char.ToLowerInvariant(a) == char.ToLowerInvariant(b) : a == b;
}

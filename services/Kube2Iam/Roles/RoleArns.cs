using System.Text.RegularExpressions;

namespace AwsIntegrations.Kube2Iam.Roles;

/// <summary>Turns a role annotation (a name, a path/name, or a full ARN) into a role ARN, refusing anything else.</summary>
public static partial class RoleArns
{
    /// <summary>IAM allows 64 characters of name plus a path of up to 512; anything longer is not a role.</summary>
    public const int MaxLength = 2048;

    /// <summary>kube2iam's check of --base-role-arn (iam/arn.go ARNRegexp), so every base it starts with starts here too.</summary>
    public static bool IsValidBase(string baseArn) => BasePattern().IsMatch(baseArn);

    /// <summary>The base ARN as kube2iam uses it: with a trailing '/' (cmd/main.go appends one); empty stays empty.</summary>
    public static string NormalizeBase(string baseArn) => baseArn.Length == 0 || baseArn.EndsWith('/') ? baseArn : baseArn + "/";

    /// <summary>The role ARN the annotation means, or null with the reason it means none.</summary>
    public static string? Resolve(string annotation, string baseArn, out string? problem)
    {
        problem = null;
        var value = annotation.Trim();
        if (value.Length == 0 || value.Length > MaxLength)
        {
            problem = value.Length == 0 ? "the role annotation is empty" : $"the role annotation is {value.Length} characters long";
            return null;
        }

        string arn;
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            arn = value;
        }
        else if (baseArn.Length == 0)
        {
            problem = $"role \"{Shorten(value)}\" is a name and no --base-role-arn is set";
            return null;
        }
        else
        {
            arn = baseArn.TrimEnd('/') + "/" + value.TrimStart('/');
        }

        if (!RolePattern().IsMatch(arn))
        {
            problem = $"\"{Shorten(value)}\" is not a valid IAM role name or ARN";
            return null;
        }

        return arn;
    }

    /// <summary>The role's name: the last segment of its ARN.</summary>
    public static string NameOf(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];

    /// <summary>
    /// What iam/security-credentials/ lists, as kube2iam lists it: the ARN without the base ARN when it starts with it
    /// (a name, or path/name such as team/app-writer), else the full ARN (another account, or no base ARN).
    /// </summary>
    public static string Listed(string roleArn, string baseArn)
    {
        var prefix = NormalizeBase(baseArn);
        return prefix.Length > 0 && roleArn.StartsWith(prefix, StringComparison.Ordinal) ? roleArn[prefix.Length..] : roleArn;
    }

    /// <summary>The ARN a request for iam/security-credentials/{role} means, as kube2iam reads it: a full ARN as it is, else joined to the base.</summary>
    public static string Wanted(string requested, string baseArn) =>
        requested.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) ? requested : NormalizeBase(baseArn) + requested;

    /// <summary>kube2iam's --auto-discover-base-arn: the instance profile ARN with instance-profile → role, up to the first '/'.</summary>
    public static string? BaseFromInstanceProfile(string instanceProfileArn)
    {
        var marker = ":instance-profile/";
        var at = instanceProfileArn.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : instanceProfileArn[..at] + ":role/";
    }

    public static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    // kube2iam: ^arn:(\w|-)*:iam::\d+:role\/?(\w+|-|\/|\.)*$ in Go's RE2, where \w and \d are ASCII and $ ends the text.
    [GeneratedRegex(@"^arn:[0-9A-Za-z_-]*:iam::[0-9]+:role/?[0-9A-Za-z_/.-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex BasePattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/([\w+=,.@-]+/)*[\w+=,.@-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RolePattern();
}

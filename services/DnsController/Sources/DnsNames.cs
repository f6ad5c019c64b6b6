using System.Text.RegularExpressions;

namespace AwsIntegrations.DnsController.Sources;

/// <summary>DNS name helpers: one spelling inside the controller (lower case, no trailing dot).</summary>
public static partial class DnsNames
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().TrimEnd('.').ToLowerInvariant();
    }

    public static string Fqdn(string name) => Normalize(name) + ".";

    /// <summary>Route 53 answers '*' as \052; other octal escapes are kept as they are.</summary>
    public static string FromRoute53(string name) => Normalize(name.Replace("\\052", "*", StringComparison.Ordinal));

    /// <summary>True when <paramref name="name"/> equals <paramref name="domain"/> or lies under it.</summary>
    public static bool IsUnder(string name, string domain) =>
        name == domain || name.EndsWith("." + domain, StringComparison.Ordinal);

    /// <summary>A hostname Route 53 can hold: labels of 1–63 letters, digits, '-' or '_', an optional leading '*' label.</summary>
    public static bool IsValid(string name) => name.Length is > 0 and <= 253 && HostnamePattern().IsMatch(name);

    [GeneratedRegex(@"^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$")]
    private static partial Regex HostnamePattern();
}

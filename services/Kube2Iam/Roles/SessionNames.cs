using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AwsIntegrations.Kube2Iam.Options;

namespace AwsIntegrations.Kube2Iam.Roles;

/// <summary>STS session names (2–64 characters of [\w+=,.@-]) that tell CloudTrail who asked.</summary>
public static class SessionNames
{
    public const int MaxLength = 64;

    /// <summary>The session name of a pod's role; null in role mode while the pod has no IP yet (kube2iam's name needs it).</summary>
    public static string? For(SessionNameMode mode, string podNamespace, string podName, string roleArn, string? podIp) => mode switch
    {
        SessionNameMode.Role => string.IsNullOrEmpty(podIp) ? null : Kube2Iam(roleArn, podIp),
        _ => Fit(podNamespace + "." + podName),
    };

    /// <summary>
    /// kube2iam's name, byte for byte (iam/iam.go sessionName): the FNV-1a 32-bit hash of the caller's IP in lower-case hex
    /// without leading zeros, '-', the role's last ARN segment, cut to 64 characters.
    /// </summary>
    public static string Kube2Iam(string roleArn, string ip)
    {
        var name = Fnv1a32(ip).ToString("x", CultureInfo.InvariantCulture) + "-" + RoleArns.NameOf(roleArn);
        // Go's %.64s counts runes, not UTF-16 units.
        return string.Concat(name.EnumerateRunes().Take(MaxLength).Select(r => r.ToString()));
    }

    /// <summary>FNV-1a, 32 bits (Go's hash/fnv New32a), over the UTF-8 bytes of the text.</summary>
    public static uint Fnv1a32(string text)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * prime);
        }

        return hash;
    }

    /// <summary>Replaces characters STS refuses and cuts to 64; a cut name ends in a hash of the whole, so two long names stay apart.</summary>
    public static string Fit(string wanted)
    {
        var clean = new StringBuilder(wanted.Length);
        foreach (var c in wanted)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-' ? c : '-');
        }

        var name = clean.ToString();
        if (name.Length > MaxLength)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wanted)))[..8];
            name = name[..(MaxLength - 9)] + "-" + hash;
        }

        return name.Length < 2 ? name.PadRight(2, '-') : name;
    }
}

using System.Security.Cryptography;
using System.Text;
using Kube2Iam.Options;

namespace Kube2Iam.Roles;

/// <summary>STS session names (2–64 characters of [\w+=,.@-]) that tell CloudTrail who asked.</summary>
public static class SessionNames
{
    public const int MaxLength = 64;

    public static string For(SessionNameMode mode, string podNamespace, string podName, string roleArn) => mode switch
    {
        SessionNameMode.Role => Fit("kube2iam-" + RoleArns.NameOf(roleArn)),
        _ => Fit(podNamespace + "." + podName),
    };

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

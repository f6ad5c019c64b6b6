using System.Text.RegularExpressions;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>ARNs, DNS names and canonical hosted zone ids the way ELBv2 makes them.</summary>
public static partial class ElbV2Naming
{
    // Canonical hosted zone ids of ELBv2 per region (AWS general reference, "Elastic Load Balancing endpoints and quotas").
    private static readonly Dictionary<string, (string Alb, string Nlb)> Zones = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = ("Z35SXDOTRQ7X7K", "Z26RNL4JYFTOTI"),
        ["us-east-2"] = ("Z3AADJGX6KTTL2", "ZLMOA37VPKANP"),
        ["us-west-1"] = ("Z368ELLRRE2KJ0", "Z24FKFUX50B4VW"),
        ["us-west-2"] = ("Z1H1FL5HABSF5", "Z18D5FSROUN65G"),
        ["eu-central-1"] = ("Z215JYRZR1TBD5", "Z3F0SRJ5LGBH90"),
        ["eu-west-1"] = ("Z32O12XQLNTSW2", "Z2IFOLAFXWLO4F"),
        ["eu-west-2"] = ("ZHURV8PSTC4K8", "ZD4D7Y8KGAS4G"),
        ["eu-north-1"] = ("Z23TAZ6LKFMNIO", "Z1UDT6IFJ4EJM"),
        ["ap-southeast-1"] = ("Z1LMS91P8CMLE5", "ZKVM4W9LS7TM"),
        ["ap-northeast-1"] = ("Z14GRHDCWA56QT", "Z31USIVHYNEOWT"),
    };

    public static string CanonicalHostedZoneId(string region, string type) =>
        Zones.TryGetValue(region, out var z) ? (type == "network" ? z.Nlb : z.Alb) : "Z0EMULATED" + region.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant()[..Math.Min(8, region.Length - 2)];

    /// <summary>ALB: name-1234567890.region.elb.amazonaws.com (internal- prefixed when internal); NLB: name-hex.elb.region.amazonaws.com.</summary>
    public static string DnsName(string name, string type, string scheme, string region, string unique) => type == "network"
        ? $"{name}-{unique}.elb.{region}.amazonaws.com".ToLowerInvariant()
        : $"{(scheme == "internal" ? "internal-" : string.Empty)}{name}-{Decimal10(unique)}.{region}.elb.amazonaws.com".ToLowerInvariant();

    private static string Decimal10(string hex) =>
        (ulong.Parse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) % 9_000_000_000UL + 1_000_000_000UL)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static void ValidateName(string name, string what)
    {
        if (!NamePattern().IsMatch(name) || name.StartsWith("internal-", StringComparison.Ordinal))
        {
            throw new AwsFault("ValidationError", $"{what} name '{name}' must have at most 32 alphanumeric characters or hyphens, and must not begin or end with a hyphen");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$")]
    private static partial Regex NamePattern();
}

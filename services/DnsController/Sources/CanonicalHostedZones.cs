namespace AwsIntegrations.DnsController.Sources;

/// <summary>
/// Canonical hosted zone ids of Elastic Load Balancing per region (CLB/ALB: <c>&lt;region&gt;.elb.amazonaws.com</c>,
/// NLB: <c>elb.&lt;region&gt;.amazonaws.com</c>; China regions end in <c>.amazonaws.com.cn</c>), from AWS's endpoint tables.
/// Used when the load balancer is not one DescribeLoadBalancers returns (another account); ours are confirmed by it.
/// </summary>
public static class CanonicalHostedZones
{
    private static readonly Dictionary<string, (string Alb, string Nlb)> Zones = new(StringComparer.Ordinal)
    {
        ["us-east-2"] = ("Z3AADJGX6KTTL2", "ZLMOA37VPKANP"),
        ["us-east-1"] = ("Z35SXDOTRQ7X7K", "Z26RNL4JYFTOTI"),
        ["us-west-1"] = ("Z368ELLRRE2KJ0", "Z24FKFUX50B4VW"),
        ["us-west-2"] = ("Z1H1FL5HABSF5", "Z18D5FSROUN65G"),
        ["ca-central-1"] = ("ZQSVJUPU6J1EY", "Z2EPGBW3API2WT"),
        ["ca-west-1"] = ("Z06473681N0SF6OS049SD", "Z02754302KBB00W2LKWZ9"),
        ["ap-east-1"] = ("Z3DQVH9N71FHZ0", "Z12Y7K3UBGUAD1"),
        ["ap-east-2"] = ("Z02789141MW7T1WBU19PO", "Z09176273OC2HWIAUNYW"),
        ["ap-south-1"] = ("ZP97RAFLXTNZK", "ZVDDRBQ08TROA"),
        ["ap-south-2"] = ("Z0173938T07WNTVAEPZN", "Z0711778386UTO08407HT"),
        ["ap-northeast-2"] = ("ZWKZPGTI48KDX", "ZIBE1TIR4HY56"),
        ["ap-northeast-3"] = ("Z5LXEXXYW11ES", "Z1GWIQ4HH19I5X"),
        ["ap-southeast-1"] = ("Z1LMS91P8CMLE5", "ZKVM4W9LS7TM"),
        ["ap-southeast-2"] = ("Z1GM3OXH4ZPM65", "ZCT6FZBF4DROD"),
        ["ap-southeast-3"] = ("Z08888821HLRG5A9ZRTER", "Z01971771FYVNCOVWJU1G"),
        ["ap-southeast-4"] = ("Z09517862IB2WZLPXG76F", "Z01156963G8MIIL7X90IV"),
        ["ap-southeast-5"] = ("Z06010284QMVVW7WO5J", "Z026317210H9ACVTRO6FB"),
        ["ap-southeast-6"] = ("Z023301818UFJ50CIO0MV", "Z01392953RKV2Q3RBP0KU"),
        ["ap-southeast-7"] = ("Z0390008CMBRTHFGWBCB", "Z054363131YWATEMWRG5L"),
        ["ap-northeast-1"] = ("Z14GRHDCWA56QT", "Z31USIVHYNEOWT"),
        ["eu-central-1"] = ("Z215JYRZR1TBD5", "Z3F0SRJ5LGBH90"),
        ["eu-central-2"] = ("Z06391101F2ZOEP8P5EB3", "Z02239872DOALSIDCX66S"),
        ["eu-west-1"] = ("Z32O12XQLNTSW2", "Z2IFOLAFXWLO4F"),
        ["eu-west-2"] = ("ZHURV8PSTC4K8", "ZD4D7Y8KGAS4G"),
        ["eu-west-3"] = ("Z3Q77PNBQS71R4", "Z1CMS0P5QUZ6D5"),
        ["eu-north-1"] = ("Z23TAZ6LKFMNIO", "Z1UDT6IFJ4EJM"),
        ["eu-south-1"] = ("Z3ULH7SSC9OV64", "Z23146JA1KNAFP"),
        ["eu-south-2"] = ("Z0956581394HF5D5LXGAP", "Z1011216NVTVYADP1SSV"),
        ["sa-east-1"] = ("Z2P70J7HTTTPLU", "ZTK26PT1VY4CU"),
        ["cn-north-1"] = ("Z1GDH35T77C1KE", "Z3QFB96KMJ7ED6"),
        ["cn-northwest-1"] = ("ZM7IZAIOVVDZF", "ZQEIKTCZ8352D"),
        ["us-gov-west-1"] = ("Z33AYJ8TM3BH4J", "ZMG1MZ2THAWF1"),
        ["us-gov-east-1"] = ("Z166TLBEWOO7G0", "Z1ZSMQQ6Q24QQ8"),
        ["mx-central-1"] = ("Z023552324OKD1BB28BH5", "Z02031231H3ID6HYJ9A7U"),
        ["me-central-1"] = ("Z08230872XQRWHG2XF6I", "Z00282643NTTLPANJJG2P"),
        ["me-south-1"] = ("ZS929ML54UICD", "Z3QSRYVP46NYYV"),
        ["af-south-1"] = ("Z268VQBMOI5EKX", "Z203XCE67M25HM"),
        ["il-central-1"] = ("Z09170902867EHPV2DABU", "Z0313266YDI6ZRHTGQY4"),
    };

    public static int RegionCount => Zones.Count;

    /// <summary>The zone id for a load balancer hostname, or null when the name is not an ELB name of a known region.</summary>
    public static string? For(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        var name = hostname.TrimEnd('.').ToLowerInvariant();
        if (name.StartsWith("dualstack.", StringComparison.Ordinal))
        {
            name = name["dualstack.".Length..];
        }

        var labels = name.Split('.');
        var suffixLength = name.EndsWith(".amazonaws.com.cn", StringComparison.Ordinal) ? 3 : 2;
        if (labels.Length < suffixLength + 3)
        {
            return null;
        }

        // ...<region>.elb.amazonaws.com (CLB, ALB) or ...elb.<region>.amazonaws.com (NLB)
        var first = labels[^(suffixLength + 2)];
        var second = labels[^(suffixLength + 1)];
        if (second == "elb" && Zones.TryGetValue(first, out var alb))
        {
            return alb.Alb;
        }

        return first == "elb" && Zones.TryGetValue(second, out var nlb) ? nlb.Nlb : null;
    }
}

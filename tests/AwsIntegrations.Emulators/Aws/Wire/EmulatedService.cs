namespace AwsIntegrations.Emulators.Aws;

/// <summary>A service the emulator speaks, with its wire protocol and XML namespace.</summary>
public sealed record EmulatedService(string Name, string SigningName, string Protocol, string Namespace, string ThrottleCode, int ThrottleStatus)
{
    /// <summary>The API version the service's Query requests must name.</summary>
    public string? Version => Name switch
    {
        "sts" => "2011-06-15",
        "elbv2" => "2015-12-01",
        "ec2" => "2016-11-15",
        _ => null,
    };

    public static readonly EmulatedService Sts = new("sts", "sts", "query", "https://sts.amazonaws.com/doc/2011-06-15/", "Throttling", 400);
    public static readonly EmulatedService ElbV2 = new("elbv2", "elasticloadbalancing", "query", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/", "Throttling", 400);
    public static readonly EmulatedService Ec2 = new("ec2", "ec2", "ec2", "http://ec2.amazonaws.com/doc/2016-11-15/", "RequestLimitExceeded", 503);
    public static readonly EmulatedService Acm = new("acm", "acm", "json", string.Empty, "ThrottlingException", 400);
    public static readonly EmulatedService Wafv2 = new("wafv2", "wafv2", "json", string.Empty, "ThrottlingException", 400);
    public static readonly EmulatedService Route53 = new("route53", "route53", "rest-xml", "https://route53.amazonaws.com/doc/2013-04-01/", "Throttling", 400);
    public static readonly EmulatedService Imds = new("imds", string.Empty, "imds", string.Empty, "Throttling", 429);

    public static EmulatedService? BySigningName(string signingName) =>
        new[] { Sts, ElbV2, Ec2, Acm, Route53, Wafv2 }.FirstOrDefault(s => s.SigningName == signingName);
}

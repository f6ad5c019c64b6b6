using System.Text.RegularExpressions;

namespace AwsIntegrations.IngressController.Waf;

/// <summary>The shape of a regional WAFv2 web ACL ARN, the only kind an Application Load Balancer takes.</summary>
public static partial class WebAclArn
{
    public const string Expected = "a WAFv2 web ACL ARN (arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>)";

    public static bool IsValid(string value) => Shape().IsMatch(value);

    [GeneratedRegex(@"^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:regional/webacl/[A-Za-z0-9_-]{1,128}/[A-Za-z0-9-]{1,36}$")]
    private static partial Regex Shape();
}

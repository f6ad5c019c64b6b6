namespace AwsIntegrations.DnsController.Sources;

/// <summary>The annotation keys the controller reads: its own prefix first, then external-dns' GA and alpha prefixes.</summary>
public static class Annotations
{
    public static readonly string[] Prefixes = ["aws-integrations.io/", "external-dns.kubernetes.io/", "external-dns.alpha.kubernetes.io/"];

    public const string Hostname = "hostname";
    public const string Ttl = "ttl";
    public const string Target = "target";
    public const string Alias = "alias";
    public const string SetIdentifier = "set-identifier";
    public const string AwsWeight = "aws-weight";
    public const string AwsEvaluateTargetHealth = "aws-evaluate-target-health";
    public const string Controller = "controller";

    /// <summary>The only value of the controller annotation under which an object is published (external-dns' source.go controllerAnnotationValue).</summary>
    public const string ControllerValue = "dns-controller";

    public static string? Get(IDictionary<string, string>? annotations, string key)
    {
        if (annotations is null)
        {
            return null;
        }

        foreach (var prefix in Prefixes)
        {
            if (annotations.TryGetValue(prefix + key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }
}

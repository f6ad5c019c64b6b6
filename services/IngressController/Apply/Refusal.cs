using AwsIntegrations.IngressController.Planning;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Apply;

/// <summary>
/// AWS refused a change for one load balancer (a 4xx about what was asked, not a throttle, an outage, missing
/// permissions, or a resource we knew of gone missing): only that load balancer's remaining changes are skipped.
/// </summary>
public sealed record Refusal(Change Change, string Code, string Message)
{
    private static readonly HashSet<string> CertificateCodes = new(StringComparer.Ordinal) { "CertificateNotFound", "UnsupportedCertificate" };

    /// <summary>Errors that say what we know is wrong or that nothing can work: the pass fails and AWS is read again.</summary>
    private static readonly HashSet<string> NotAttributable = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch",
        "IncompleteSignature", "MissingAuthenticationToken", "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException",
        "RequestExpired", "OptInRequired",
        "LoadBalancerNotFound", "ListenerNotFound", "TargetGroupNotFound", "RuleNotFound",
        "DuplicateListener", "DuplicateLoadBalancerName", "DuplicateTargetGroupName", "ResourceInUse",
    };

    /// <summary>A certificate was refused: the certificate, not the load balancer's settings, is what must change.</summary>
    public bool IsCertificate => CertificateCodes.Contains(Code);

    public static bool IsRefusal(Aws.AwsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode is >= 400 and < 500 && !Aws.RetryClassifier.IsRetryable(error.Code, error.StatusCode) && !NotAttributable.Contains(error.Code);
    }

    public static bool IsCertificateCode(string code) => CertificateCodes.Contains(code);

    /// <summary>The problem on the Ingresses of the load balancer <see cref="Change"/> was for.</summary>
    public Problem ToProblem()
    {
        var reason = Code switch
        {
            "SSLPolicyNotFound" => "SslPolicyNotFound",
            "InvalidSecurityGroup" => "SecurityGroupNotFound",
            "SubnetNotFound" or "InvalidSubnet" => "SubnetsNotFound",
            _ when Code.StartsWith("TooMany", StringComparison.Ordinal) => "QuotaExceeded",
            _ => "LoadBalancerRejected",
        };
        var advice = reason == "QuotaExceeded" ? "raise the quota or remove load balancers" : "it is tried again when the Ingress changes or at the next resync";
        return new Problem(reason, $"AWS refused {Change.Operation} for load balancer {Change.Alb}: {Code}: {Message}; {advice}");
    }
}

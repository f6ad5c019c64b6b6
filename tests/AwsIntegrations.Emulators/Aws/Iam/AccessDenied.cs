namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// The error each protocol answers a denied request with. The message is IAM's: "User: arn is not authorized to perform:
/// action on resource: arn because no identity-based policy allows the action action" (or "with an explicit deny in an
/// identity-based policy"), without "on resource" for actions on "*"
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html). Query/XML and REST-XML services (ELBv2,
/// Route 53, STS) answer AccessDenied with HTTP 403; EC2 answers UnauthorizedOperation with HTTP 403 and "You are not
/// authorized to perform this operation." in front (EC2 API error codes; STS DecodeAuthorizationMessage: "the request returns
/// a Client.UnauthorizedOperation response (an HTTP 403 response)"); JSON 1.1 services (ACM, WAFv2) answer
/// AccessDeniedException, which botocore's ACM model declares without an HTTP status (so 400).
/// </summary>
public static class AccessDenied
{
    public static AwsFault For(EmulatedService service, string principalArn, AuthorizationRequest request, AuthorizationEffect effect)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        var on = request.Resource == "*" ? string.Empty : $" on resource: {request.Resource}";
        var why = effect == AuthorizationEffect.ExplicitDeny
            ? "with an explicit deny in an identity-based policy"
            : $"because no identity-based policy allows the {request.Action} action";
        var message = $"User: {principalArn} is not authorized to perform: {request.Action}{on} {why}";
        return service.Protocol switch
        {
            "ec2" => new AwsFault("UnauthorizedOperation", "You are not authorized to perform this operation. " + message, 403),
            "json" => new AwsFault("AccessDeniedException", message, 400),
            _ => new AwsFault("AccessDenied", message, 403),
        };
    }
}

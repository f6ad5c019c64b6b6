using Microsoft.Extensions.Logging;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>What is said once at start.</summary>
public static partial class StartupWarnings
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "kube-ingress-aws-controller flags accepted but ignored: {Flags}")]
    public static partial void IgnoredFlags(ILogger logger, string flags);
}

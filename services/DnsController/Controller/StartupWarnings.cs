using Microsoft.Extensions.Logging;

namespace DnsController.Controller;

/// <summary>What is said once at start.</summary>
public static partial class StartupWarnings
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "external-dns flags accepted but ignored: {Flags}")]
    public static partial void IgnoredFlags(ILogger logger, string flags);
}

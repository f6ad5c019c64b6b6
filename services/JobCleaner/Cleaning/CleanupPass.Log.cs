using Microsoft.Extensions.Logging;

namespace AwsIntegrations.JobCleaner.Cleaning;

public sealed partial class CleanupPass
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Deleted {Kind} {Namespace}/{Name} ({Reason}: {Detail}; propagation {Propagation})")]
        public static partial void Deleted(ILogger logger, string kind, string? @namespace, string name, string reason, string detail, string propagation);

        [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Would delete {Kind} {Namespace}/{Name} ({Reason}: {Detail}) ** DRY RUN **")]
        public static partial void WouldDelete(ILogger logger, string kind, string? @namespace, string name, string reason, string detail);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Kept {Kind} {Namespace}/{Name}: it was recreated since it was listed (uid {Uid} is gone)")]
        public static partial void Recreated(ILogger logger, string kind, string? @namespace, string name, string? uid);

        [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Could not delete {Kind} {Namespace}/{Name}: {Error}")]
        public static partial void DeleteFailed(ILogger logger, string kind, string? @namespace, string name, string error);

        [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Kept {Kind} {Namespace}/{Name}: invalid cleanup annotation: {Error}")]
        public static partial void InvalidAnnotation(ILogger logger, string kind, string? @namespace, string? name, string error);

        [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Cannot read Namespaces ({Error}): namespace annotations are ignored; Jobs are cleaned by the flags and their own annotations")]
        public static partial void NamespacesForbidden(ILogger logger, string error);

        [LoggerMessage(EventId = 6106, Level = LogLevel.Information, Message = "Listing {What} in {Scope} again: the continue token expired")]
        public static partial void Relisting(ILogger logger, string what, string scope);

        [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "{Pass} ended in {Seconds:0.000} s: {Summary}")]
        public static partial void PassEnded(ILogger logger, string pass, double seconds, string summary);
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using AwsIntegrations.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AwsIntegrations.Hosting.Logging;

/// <summary>One line per event: JSON for machines (level, message, event id, category, the object concerned as state and scopes), or text for humans.</summary>
public static class LoggingSetup
{
    public const string RequestDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static void Configure(ILoggingBuilder logging, ServiceOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(ParseLevel(options.LogLevel));
        // Framework chatter stays at warning unless the user asks for debug.
        var frameworkLevel = ParseLevel(options.LogLevel) <= LogLevel.Debug ? LogLevel.Debug : LogLevel.Warning;
        logging.AddFilter("Microsoft", frameworkLevel);
        logging.AddFilter("System", frameworkLevel);
        // ASP.NET Core starts an Activity and pushes a log scope for every request whenever this category is enabled at any level,
        // only to log "Request starting/finished" at Information: off unless debugging, it costs the Router and Kube2Iam nothing per request.
        logging.AddFilter(RequestDiagnosticsCategory, frameworkLevel == LogLevel.Debug ? LogLevel.Debug : LogLevel.None);
        if (options.LogFormat == LogFormat.Json)
        {
            logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.JsonWriterOptions = new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.IncludeScopes = true;
                text.UseUtcTimestamp = true;
                text.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.None);
    }

    public static LogLevel ParseLevel(string level) => level.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "fatal" or "critical" or "panic" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}

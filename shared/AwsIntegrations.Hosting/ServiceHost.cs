using System.Net;
using System.Reflection;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Hosting.Lifetime;
using AwsIntegrations.Hosting.Logging;
using AwsIntegrations.Hosting.Metrics;
using AwsIntegrations.Hosting.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Diagnostics.Metrics;

namespace AwsIntegrations.Hosting;

/// <summary>
/// The one host every service runs in: flags and env bound and validated (a bad value is one line on stderr and exit code 2),
/// JSON or text logs, /healthz /readyz /metrics, and graceful shutdown on SIGTERM.
/// </summary>
public static partial class ServiceHost
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitBadFlags = 2;

    public static async Task<int> RunAsync<TOptions>(string serviceName, string[] args, Action<ServiceHostBuilder<TOptions>> configure)
        where TOptions : ServiceOptions, new()
    {
        TOptions options;
        try
        {
            options = FlagBinder.Bind<TOptions>(args, Environment.GetEnvironmentVariable);
        }
        catch (HelpRequestedException)
        {
            await Console.Out.WriteAsync(FlagHelp.Text(serviceName, new TOptions())).ConfigureAwait(false);
            return ExitOk;
        }
        catch (FlagException problem)
        {
            await Console.Error.WriteLineAsync($"{serviceName}: {problem.Message}").ConfigureAwait(false);
            return ExitBadFlags;
        }

        var app = Build(serviceName, options, configure);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(serviceName);
        var exitCode = app.Services.GetRequiredService<ServiceExitCode>(); // read after the run, when the host is disposed
        try
        {
            await app.RunAsync().ConfigureAwait(false);
            LogStopped(logger, serviceName);
            return exitCode.Code;
        }
#pragma warning disable CA1031 // The host's last line of defence: log the cause as one JSON line and exit non-zero.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFatal(logger, exception, serviceName, exception.Message);
            return ExitFailure;
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static WebApplication Build<TOptions>(string serviceName, TOptions options, Action<ServiceHostBuilder<TOptions>> configure)
        where TOptions : ServiceOptions
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = serviceName });
        LoggingSetup.Configure(builder.Logging, options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ServiceOptions>(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReadinessState>();
        builder.Services.AddSingleton<LivenessState>();
        builder.Services.AddSingleton<ServiceExitCode>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton(sp => new MetricsCollector(sp.GetRequiredService<IMeterFactory>()));
        builder.Services.AddSingleton<IHostLifetime, GracefulShutdownLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        var hostBuilder = new ServiceHostBuilder<TOptions>(serviceName, options, builder);
        configure(hostBuilder);

        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            var ports = new HashSet<int>();
            foreach (var listener in hostBuilder.Listeners)
            {
                if (ports.Add(listener.Port))
                {
                    kestrel.Listen(ParseAddress(listener.Address), listener.Port);
                }
            }

            if (ports.Add(options.MetricsPort))
            {
                kestrel.Listen(ParseAddress(options.MetricsAddress), options.MetricsPort);
            }
        });

        var app = builder.Build();
        var readiness = app.Services.GetRequiredService<ReadinessState>();
        var liveness = app.Services.GetRequiredService<LivenessState>();
        var metrics = app.Services.GetRequiredService<MetricsCollector>();
        BuildInfo(app.Services.GetRequiredService<IMeterFactory>(), serviceName);

        app.Use((context, next) =>
            context.Connection.LocalPort == options.MetricsPort && ManagementEndpoints.IsManagementPath(context.Request.Path)
                ? ManagementEndpoints.HandleAsync(context, readiness, liveness, metrics)
                : next(context));
        foreach (var listener in hostBuilder.Listeners)
        {
            app.MapWhen(context => context.Connection.LocalPort == listener.Port, listener.Pipeline);
        }

        foreach (var action in hostBuilder.StartActions)
        {
            action(app);
        }

        var startLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(serviceName);
        foreach (var warning in options.StartupWarnings())
        {
            LogStartupWarning(startLogger, warning);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
            LogStarted(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(serviceName), serviceName, Version,
                string.Join(",", hostBuilder.Listeners.Select(l => l.Port)), options.MetricsPort));
        return app;
    }

    public static string Version { get; } =
        typeof(ServiceHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    private static void BuildInfo(IMeterFactory meters, string serviceName)
    {
        var meter = meters.Create(MeterNames.Hosting);
        meter.CreateObservableGauge("aws_integrations_build_info",
            () => new Measurement<int>(1, new("service", serviceName), new("version", Version)),
            description: "Always 1; labels name the service and its version.");
    }

    private static IPAddress ParseAddress(string address) =>
        address is "" or "*" or "0.0.0.0" ? IPAddress.Any
        : address == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(address, out var ip) ? ip
        : throw new FlagException("metrics-address", address, "must be an IP address");

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Service} {Version} started: traffic ports [{TrafficPorts}], management port {MetricsPort}")]
    private static partial void LogStarted(ILogger logger, string service, string version, string trafficPorts, int metricsPort);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{Service} stopped")]
    private static partial void LogStopped(ILogger logger, string service);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogStartupWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Critical, Message = "{Service} failed: {Reason}")]
    private static partial void LogFatal(ILogger logger, Exception exception, string service, string reason);
}

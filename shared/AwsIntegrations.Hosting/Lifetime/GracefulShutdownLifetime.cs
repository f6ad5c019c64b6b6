using System.Runtime.InteropServices;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Hosting.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Hosting.Lifetime;

/// <summary>
/// Replaces the console lifetime so that SIGTERM first fails readiness, then waits <c>--shutdown-delay</c> while the service
/// keeps working (load balancers and endpoint controllers notice), and only then stops the host; the host then gives in-flight
/// requests and reconciles <c>--shutdown-timeout</c> to finish. A second signal stops at once.
/// </summary>
internal sealed partial class GracefulShutdownLifetime(
    IHostApplicationLifetime applicationLifetime,
    ReadinessState readiness,
    ServiceOptions options,
    TimeProvider time,
    ILogger<GracefulShutdownLifetime> logger) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }

        applicationLifetime.ApplicationStopping.Register(readiness.BeginDraining);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Cancel the runtime's default (terminate now); we stop the host ourselves.
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            LogSecondSignal(logger, context.Signal.ToString());
            applicationLifetime.StopApplication();
            return;
        }

        readiness.BeginDraining();
        LogDraining(logger, context.Signal.ToString(), options.ShutdownDelay.TotalSeconds);
        _ = StopAfterDelayAsync();
    }

    private async Task StopAfterDelayAsync()
    {
        if (options.ShutdownDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.ShutdownDelay, time).ConfigureAwait(false);
        }

        LogStopping(logger, options.ShutdownTimeout.TotalSeconds);
        applicationLifetime.StopApplication();
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Received {Signal}: readiness fails now; the service keeps working for {DelaySeconds} s before it stops")]
    private static partial void LogDraining(ILogger logger, string signal, double delaySeconds);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Stopping: in-flight work has {TimeoutSeconds} s to finish")]
    private static partial void LogStopping(ILogger logger, double timeoutSeconds);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Received {Signal} again: stopping now")]
    private static partial void LogSecondSignal(ILogger logger, string signal);
}

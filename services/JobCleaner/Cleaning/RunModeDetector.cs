using System.Net;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.JobCleaner.Cleaning;

/// <summary>
/// Applies <see cref="RunModeRule"/>: the flags, else the cleaner's own pod, found by name (POD_NAME, else HOSTNAME, which the
/// container runtime sets to the pod name) in its namespace (POD_NAMESPACE, else the service account's). It is listed with a
/// field selector rather than read, so the <c>list pods</c> every cleaner has is enough (kube-job-cleaner binds <c>edit</c>).
/// </summary>
public sealed partial class RunModeDetector(KubernetesConnection client, Func<string, string?> environment, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    public async Task<RunMode> DecideAsync(bool? once, TimeSpan? interval, CancellationToken cancellationToken)
    {
        if (RunModeRule.FromFlags(once, interval) is { } chosen)
        {
            return chosen;
        }

        var name = Value("POD_NAME") ?? Value("HOSTNAME") ?? Environment.MachineName;
        var ns = Value("POD_NAMESPACE") ?? client.Namespace;
        for (var failures = 1; ; failures++)
        {
            try
            {
                var pods = await client.ListAsync<V1Pod>(ns, new ListOptions { FieldSelector = $"metadata.name={name}" }, cancellationToken).ConfigureAwait(false);
                var (mode, why) = RunModeRule.ForOwnPod(pods.Items.FirstOrDefault(), ns, name);
                Log.Decided(logger, mode == RunMode.Once ? "one pass, then exit" : "a pass every --interval", why);
                return mode;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                // Without a definite answer keep running: a Deployment must never stop; a CronJob can pass --once.
                Log.Decided(logger, "a pass every --interval", $"its pod cannot be read ({e.Message}); pass --once to run once");
                return RunMode.Loop;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                var wait = ExponentialBackoff.For(failures, FirstRetry, LastRetry);
                Log.Retrying(logger, e.Message, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private string? Value(string variable) => environment(variable) is { Length: > 0 } value ? value : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 6110, Level = LogLevel.Information, Message = "Running {Mode}: {Why} (--once or --interval decide instead)")]
        public static partial void Decided(ILogger logger, string mode, string why);

        [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "Cannot tell whether this is a CronJob's run ({Error}); asking again in {Seconds} s")]
        public static partial void Retrying(ILogger logger, string error, double seconds);
    }
}

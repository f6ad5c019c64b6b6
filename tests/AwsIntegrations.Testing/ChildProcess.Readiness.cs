namespace AwsIntegrations.Testing;

public sealed partial class ChildProcess
{
    private static readonly HttpClient ReadinessClient = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Waits until the service answers 200 on http://127.0.0.1:<paramref name="metricsPort"/>/readyz; fails at once, with
    /// everything it printed, if the process exits first.
    /// </summary>
    public Task WaitUntilReadyAsync(int metricsPort, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(async () =>
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"the process exited with {ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await ReadinessClient.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/readyz"));
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, $"process {Id} answers 200 on /readyz", timeout);
}

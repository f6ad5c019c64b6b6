using System.Diagnostics;

namespace AwsIntegrations.Testing;

/// <summary>Waits on a condition instead of sleeping a fixed time: tests stay fast and do not flake on slow machines.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <param name="diagnostics">What the failure should also show (e.g. a child process's output), read only on a timeout.</param>
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? diagnostics = null)
    {
        await HoldsAsync(() => Task.FromResult(condition()), what, timeout, diagnostics);
    }

    /// <param name="diagnostics">What the failure should also show (e.g. a child process's output), read only on a timeout.</param>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string>? diagnostics = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (clock.Elapsed > limit)
            {
                var shown = diagnostics is null ? "" : "\n" + diagnostics();
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {what}{shown}");
            }

            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(100, pause.TotalMilliseconds * 2));
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Router.Tests.Support;

/// <summary>
/// Sends many requests through the Router and counts which backend answered; checks counts against expected shares within six
/// standard deviations of the binomial count (|k − np| ≤ 6·√(np(1−p)) + 1): a correct split fails that about once in 500
/// million runs, while a split off by a few points at these sample sizes fails it every time.
/// </summary>
public static class TrafficSplit
{
    public static async Task<Dictionary<string, int>> CountAsync(RouterHarness router, string host, string path, int requests, int parallel = 8)
    {
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                using var response = await router.Client.SendAsync(router.Get(host, path));
                response.StatusCode.Should().Be(HttpStatusCode.OK);
                var echo = (await response.Content.ReadFromJsonAsync<BackendEcho>())!;
                counts.AddOrUpdate(echo.Backend, 1, (_, n) => n + 1);
            }
        })));
        return new Dictionary<string, int>(counts, StringComparer.Ordinal);
    }

    /// <summary>
    /// Waits until each backend of a split has answered once: then the Router has every Service's endpoints (its informers are
    /// separate watches, so an Ingress may route before the last EndpointSlice arrived, with a 502 for that backend meanwhile).
    /// </summary>
    public static Task WaitUntilEachAnswersAsync(RouterHarness router, string host, string path, params string[] backends)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Eventually.HoldsAsync(async () =>
        {
            using var response = await router.Client.SendAsync(router.Get(host, path));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                seen.Add((await response.Content.ReadFromJsonAsync<BackendEcho>())!.Backend);
            }

            return backends.All(seen.Contains);
        }, $"each of {string.Join(", ", backends)} answers {host}{path}");
    }

    public static void ShouldMatch(Dictionary<string, int> counts, IReadOnlyDictionary<string, double> shares)
    {
        var n = counts.Values.Sum();
        counts.Keys.Should().BeSubsetOf(shares.Keys, "only the split's backends answer");
        foreach (var (backend, share) in shares)
        {
            var count = counts.GetValueOrDefault(backend);
            var expected = n * share;
            var bound = share is 0 or 1 ? 0 : (6 * Math.Sqrt(n * share * (1 - share))) + 1;
            Math.Abs(count - expected).Should().BeLessThanOrEqualTo(bound,
                $"{backend} should get {share:P1} of {n} requests ({expected:0} ± {bound:0}); counts: {string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"))}");
        }
    }
}

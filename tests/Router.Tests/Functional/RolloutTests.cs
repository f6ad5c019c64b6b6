using System.Net;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Functional;

/// <summary>
/// The point of the Router: a Deployment whose pods simply exit on SIGTERM rolls out under load with zero errors, because a
/// refused connection is retried on another endpoint before anything was sent.
/// </summary>
public sealed class RolloutTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Rollout_OldPodsExitImmediatelyOnSigterm_ZeroNon2xxUnderLoad(bool podExitsBeforeEndpointUpdate)
    {
        await using var router = await RouterHarness.StartAsync();
        var port = FreePort.Next();
        var live = new List<TestBackend>();
        for (var i = 0; i < 3; i++)
        {
            live.Add(await TestBackend.StartAsync($"v1-{i}", $"127.0.0.{20 + i}", port));
        }

        router.AddService("default", "app");
        router.SetEndpoints("default", "app", port, [.. live.Select(b => EndpointSpec.ReadyAt(b.Ip))]);
        router.AddIngress("default", "app", "app.example.com", "/", "app");
        await router.WaitForStatusAsync("app.example.com", "/", HttpStatusCode.OK);

        var failures = new List<string>();
        var sent = 0;
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await router.Client.SendAsync(router.Get("app.example.com", "/"));
                    if (!response.IsSuccessStatusCode)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        lock (failures)
                        {
                            failures.Add($"{(int)response.StatusCode} {body}");
                        }
                    }
                }
                catch (HttpRequestException problem)
                {
                    lock (failures)
                    {
                        failures.Add(problem.Message);
                    }
                }

                Interlocked.Increment(ref sent);
            }
        })).ToList();

        var terminating = new List<TestBackend>();
        for (var i = 0; i < 3; i++)
        {
            var replacement = await TestBackend.StartAsync($"v2-{i}", $"127.0.0.{30 + i}", port);
            var old = live[0];
            live.RemoveAt(0);
            live.Add(replacement);
            terminating.Add(old);

            // The kubelet sends SIGTERM while the EndpointSlice controller marks the endpoint terminating: they race. When the
            // pod is gone before the Router hears of it (the worst case), requests meet a refused connection.
            if (podExitsBeforeEndpointUpdate)
            {
                await old.StopAsync();
            }

            router.SetEndpoints("default", "app", port, [.. live.Select(b => EndpointSpec.ReadyAt(b.Ip)), EndpointSpec.TerminatingAt(old.Ip)]);
            if (!podExitsBeforeEndpointUpdate)
            {
                await old.StopAsync();
            }
            var before = replacement.Requests;
            await Eventually.HoldsAsync(() => replacement.Requests >= before + 50, $"{replacement.Name} takes traffic");
        }

        await stop.CancelAsync();
        await Task.WhenAll(load);
        foreach (var backend in live.Concat(terminating))
        {
            await backend.DisposeAsync();
        }

        failures.Should().BeEmpty($"every one of {sent} requests during the rollout must succeed; router log:\n{router.Process.Output}");
        sent.Should().BeGreaterThan(150);
        if (podExitsBeforeEndpointUpdate)
        {
            (await router.MetricsAsync()).Should().Contain("router_retries_total{", "requests reached stopped pods and were retried");
        }
    }
}

using System.Diagnostics.Metrics;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

public sealed class KubernetesClientFailureTests : EmulatorTest
{
    [Fact]
    public async Task GetAsync_ThrottledOnce_RetriesAfterTheServersDelayAndSucceeds()
    {
        SeedPod("web", "10.0.0.1");
        Kube.Faults.Fail("get", "pods", 429, times: 1, retryAfter: TimeSpan.FromSeconds(1));

        var pod = await Client.GetAsync<Pod>("default", "web");

        pod.Metadata.Name.Should().Be("web");
        Kube.Requests.Count(r => r.Verb == "get").Should().Be(2);
    }

    [Fact]
    public async Task CreateAsync_ThrottledBeyondRetries_ThrowsTooManyRequestsWithRetryAfter()
    {
        using var client = NewClient(Settings with { MaxRetries = 0 });
        Kube.Faults.Fail("create", "pods", 429, retryAfter: TimeSpan.FromSeconds(7));

        var act = () => client.CreateAsync(NewPod("web"));

        (await act.Should().ThrowAsync<KubernetesTooManyRequestsException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task ListAsync_ServerErrorOnce_IsRetried()
    {
        SeedPod("web", "10.0.0.1");
        Kube.Faults.Fail("list", "pods", 500, times: 1);

        var list = await Client.ListAsync<Pod>("default");

        list.Items.Should().ContainSingle();
    }

    [Fact]
    public async Task CreateAsync_ServerError_IsNotRetried_AndThrowsServerError()
    {
        Kube.Faults.Fail("create", "pods", 500, times: 1);

        var act = () => Client.CreateAsync(NewPod("web"));

        (await act.Should().ThrowAsync<KubernetesServerErrorException>()).Which.StatusCode.Should().Be(500);
        Kube.Requests.Count(r => r.Verb == "create").Should().Be(1);
    }

    [Fact]
    public async Task GetAsync_ServerErrorPersists_ThrowsAfterMaxRetries()
    {
        Kube.Faults.Fail("get", "pods", 503);

        var act = () => Client.GetAsync<Pod>("default", "web");

        await act.Should().ThrowAsync<KubernetesServerErrorException>();
        Kube.Requests.Count(r => r.Verb == "get").Should().Be(1 + Settings.MaxRetries);
    }

    [Fact]
    public async Task GetAsync_ServerUnreachable_ThrowsHttpRequestException()
    {
        var port = AwsIntegrations.Testing.FreePort.Next();
        using var client = new KubernetesClient(new AwsIntegrations.Kubernetes.Config.KubernetesConnection(new Uri($"http://127.0.0.1:{port}")), Settings with { MaxRetries = 1 });

        var act = () => client.GetAsync<Pod>("default", "web");

        await act.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task Requests_AreCountedByVerbResourceAndCode()
    {
        var calls = new List<(string Verb, string Resource, string Code)>();
        var durations = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Hosting.Metrics.MeterNames.Kubernetes)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "kube_api_calls")
            {
                var map = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
                lock (calls)
                {
                    calls.Add((map["verb"], map["resource"], map["code"]));
                }
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument.Name == "kube_api_call_duration_seconds")
            {
                Interlocked.Increment(ref durations);
            }
        });
        listener.Start();

        await Client.CreateAsync(NewPod("web"));
        await Client.FindAsync<Pod>("default", "ghost");

        lock (calls)
        {
            calls.Should().Contain(("create", "pods", "201")).And.Contain(("get", "pods", "404"));
        }

        durations.Should().BeGreaterThanOrEqualTo(2);
    }
}

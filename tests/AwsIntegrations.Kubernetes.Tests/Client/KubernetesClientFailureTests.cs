using System.Diagnostics.Metrics;
using System.Net;
using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

/// <summary>Our handlers on KubernetesClient's HttpClient: retries where safe, Retry-After, kube_api_calls metrics.</summary>
public sealed class KubernetesClientFailureTests : EmulatorTest
{
    [Fact]
    public async Task GetAsync_ThrottledOnce_RetriesAfterTheServersDelayAndSucceeds()
    {
        SeedPod("web", "10.0.0.1");
        Kube.Faults.Fail("get", "pods", 429, times: 1, retryAfter: TimeSpan.FromSeconds(1));

        var pod = await Client.CoreV1.ReadNamespacedPodAsync("web", "default");

        pod.Metadata.Name.Should().Be("web");
        Kube.Requests.Count(r => r.Verb == "get").Should().Be(2);
    }

    [Fact]
    public async Task CreateAsync_ThrottledOnce_IsRetried_ThrottledBeyondRetries_IsRefusedWithRetryAfter()
    {
        Kube.Faults.Fail("create", "pods", 429, times: 1, retryAfter: TimeSpan.FromMilliseconds(10));
        await CreatePodAsync(NewPod("retried"));
        Kube.Requests.Count(r => r.Verb == "create").Should().Be(2, "a 429 means the server did nothing: safe to retry for every verb");

        using var connection = NewConnection(Settings with { MaxRetries = 0 });
        Kube.Faults.Fail("create", "pods", 429, retryAfter: TimeSpan.FromSeconds(7));

        var act = () => connection.Client.CoreV1.CreateNamespacedPodAsync(NewPod("web"), "default");

        var error = (await act.Should().ThrowAsync<k8s.Autorest.HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        error.Response.Headers["Retry-After"].Should().Equal("7");
    }

    [Fact]
    public async Task ListAsync_ServerErrorOnce_IsRetried()
    {
        SeedPod("web", "10.0.0.1");
        Kube.Faults.Fail("list", "pods", 500, times: 1);

        var list = await Connection.ListAsync<V1Pod>("default");

        list.Items.Should().ContainSingle();
    }

    [Fact]
    public async Task CreateAsync_ServerError_IsNotRetried_AndThrowsServerError()
    {
        Kube.Faults.Fail("create", "pods", 500, times: 1);

        var act = () => CreatePodAsync(NewPod("web"));

        await act.ShouldBeRefusedAsync(HttpStatusCode.InternalServerError);
        Kube.Requests.Count(r => r.Verb == "create").Should().Be(1);
    }

    [Fact]
    public async Task GetAsync_ServerErrorPersists_ThrowsAfterMaxRetries()
    {
        Kube.Faults.Fail("get", "pods", 503);

        var act = () => Client.CoreV1.ReadNamespacedPodAsync("web", "default");

        await act.ShouldBeRefusedAsync(HttpStatusCode.ServiceUnavailable);
        Kube.Requests.Count(r => r.Verb == "get").Should().Be(1 + Settings.MaxRetries);
    }

    [Fact]
    public async Task GetAsync_ServerUnreachable_ThrowsHttpRequestException()
    {
        var port = AwsIntegrations.Testing.FreePort.Next();
        using var connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" }, Settings with { MaxRetries = 1 });

        var act = () => connection.Client.CoreV1.ReadNamespacedPodAsync("web", "default");

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

        await CreatePodAsync(NewPod("web"));
        await Client.CoreV1.ReadNamespacedPodAsync("ghost", "default").NullIfNotFound();
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("{}", V1Patch.PatchType.MergePatch), "web", "default");
        await Connection.ListAsync<V1Pod>("default");
        await Client.CoreV1.ReadNamespaceAsync("default");

        lock (calls)
        {
            calls.Should().Contain(("create", "pods", "201")).And.Contain(("get", "pods", "404")).And.Contain(("patch", "pods", "200"))
                .And.Contain(("list", "pods", "200")).And.Contain(("get", "namespaces", "200"));
        }

        durations.Should().BeGreaterThanOrEqualTo(2);
    }
}

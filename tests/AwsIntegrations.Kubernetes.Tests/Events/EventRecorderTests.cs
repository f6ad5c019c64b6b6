using AwsIntegrations.Kubernetes.Api;
using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Events;
using k8s;
using k8s.Models;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Events;

public sealed class EventRecorderTests : EmulatorTest
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override KubernetesClientSettings Settings => base.Settings with { Time = _clock };

    [Fact]
    public async Task Warning_WritesAnEventOnTheObject_AsKubectlDescribeShowsIt()
    {
        var ingress = await Client.NetworkingV1.CreateNamespacedIngressAsync(new V1Ingress { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" } }, "default");
        await using var recorder = new EventRecorder(Connection, new EventRecorderOptions("ingress-controller") { Instance = "pod-1" });

        recorder.Warning(ingress, "CertificateNotFound", "no certificate matches host web.example.com");
        await recorder.FlushAsync();

        var events = await Connection.ListAsync<Corev1Event>("default", new ListOptions { FieldSelector = $"involvedObject.uid={ingress.Metadata.Uid}" });
        var written = events.Items.Should().ContainSingle().Subject;
        written.Type.Should().Be("Warning");
        written.Reason.Should().Be("CertificateNotFound");
        written.Count.Should().Be(1);
        written.InvolvedObject.Kind.Should().Be("Ingress");
        written.InvolvedObject.ApiVersion.Should().Be("networking.k8s.io/v1");
        written.InvolvedObject.Name.Should().Be("web");
        written.Source!.Component.Should().Be("ingress-controller");
        written.ReportingInstance.Should().Be("pod-1");
    }

    [Fact]
    public async Task Record_ObjectFromAListWithoutTypeMeta_TakesKindFromTheRegistry()
    {
        await CreatePodAsync(NewPod("web"));
        var pod = (await Connection.ListAsync<V1Pod>("default")).Items.Single();
        pod.Kind = null;
        pod.ApiVersion = null;
        await using var recorder = new EventRecorder(Connection, new EventRecorderOptions("kube2iam"));

        recorder.Normal(pod, "RoleAssumed", "assumed role reader");
        await recorder.FlushAsync();

        (await Connection.ListAsync<Corev1Event>("default")).Items.Single().InvolvedObject.Kind.Should().Be("Pod");
    }

    [Fact]
    public async Task Record_SameEventRepeated_IsOneEventWhoseCountGrows()
    {
        var pod = await CreatePodAsync(NewPod("web"));
        await using var recorder = new EventRecorder(Connection, new EventRecorderOptions("router"));

        for (var i = 0; i < 3; i++)
        {
            recorder.Warning(pod, "BackendDown", "no ready endpoints");
            await recorder.FlushAsync();
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        recorder.Warning(pod, "Other", "a different reason");
        await recorder.FlushAsync();

        var events = (await Connection.ListAsync<Corev1Event>("default")).Items;
        events.Should().HaveCount(2);
        var repeated = events.Single(e => e.Reason == "BackendDown");
        repeated.Count.Should().Be(3);
        (repeated.LastTimestamp - repeated.FirstTimestamp).Should().Be(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Record_Repeat_PatchesCountAndTime_KeepingFieldsTheModelsDoNotKnow()
    {
        var pod = await CreatePodAsync(NewPod("web"));
        await using var recorder = new EventRecorder(Connection, new EventRecorderOptions("router"));
        recorder.Warning(pod, "BackendDown", "no ready endpoints");
        await recorder.FlushAsync();
        var name = Kube.All("Event", "default").Single()["metadata"]!["name"]!.GetValue<string>();
        Kube.Store.Update(Kube.Store.Definition("Event"), "default", name, o =>
        {
            o["series"] = new System.Text.Json.Nodes.JsonObject { ["count"] = 7 };
            o["futureTopLevel"] = "kept";
            return o;
        }, status: false);

        _clock.Advance(TimeSpan.FromSeconds(10));
        recorder.Warning(pod, "BackendDown", "no ready endpoints");
        await recorder.FlushAsync();

        var stored = Kube.All("Event", "default").Single();
        stored["count"]!.GetValue<int>().Should().Be(2);
        stored["series"]!["count"]!.GetValue<int>().Should().Be(7);
        stored["futureTopLevel"]!.GetValue<string>().Should().Be("kept");
        Kube.Requests.Where(r => r.Resource == "events").Select(r => r.Verb).Should().Equal("create", "patch");
    }

    [Fact]
    public async Task Record_HotLoop_WritesAtMostTheBurst_AndTheNextWriteAfterTheRefillCarriesTheFullCount()
    {
        var pod = await CreatePodAsync(NewPod("web"));
        await using var recorder = new EventRecorder(Connection, new EventRecorderOptions("dns-controller"));

        for (var i = 0; i < 1000; i++)
        {
            recorder.Warning(pod, "ThrottledByRoute53", "rate exceeded");
            if (i % 10 == 0)
            {
                await recorder.FlushAsync();
            }
        }

        await recorder.FlushAsync();
        var writes = Kube.Requests.Count(r => r.Resource == "events" && r.Verb is "create" or "patch");
        _clock.Advance(TimeSpan.FromMinutes(5));
        recorder.Warning(pod, "ThrottledByRoute53", "rate exceeded");
        await recorder.FlushAsync();

        writes.Should().BeLessThanOrEqualTo(25);
        (await Connection.ListAsync<Corev1Event>("default")).Items.Should().ContainSingle().Which.Count.Should().Be(1001);
    }

    [Fact]
    public async Task Record_EventExpiredOnTheServer_IsCreatedAgainWithTheCount()
    {
        var pod = await CreatePodAsync(NewPod("web"));
        await using var recorder = new EventRecorder(Connection, new EventRecorderOptions("router"));
        recorder.Normal(pod, "Synced", "routes updated");
        await recorder.FlushAsync();
        var first = (await Connection.ListAsync<Corev1Event>("default")).Items.Single();
        await Client.CoreV1.DeleteNamespacedEventAsync(first.Metadata.Name!, "default");

        recorder.Normal(pod, "Synced", "routes updated");
        await recorder.FlushAsync();

        (await Connection.ListAsync<Corev1Event>("default")).Items.Should().ContainSingle().Which.Count.Should().Be(2);
    }

    [Fact]
    public async Task Record_ServerRejectsWrites_CallerIsNotAffected()
    {
        var pod = await CreatePodAsync(NewPod("web"));
        Kube.Faults.Fail("create", "events", 403);
        await using var recorder = new EventRecorder(Connection, new EventRecorderOptions("router"));

        recorder.Normal(pod, "Synced", "routes updated");
        await recorder.FlushAsync();

        Kube.All("Event").Should().BeEmpty();
        Kube.Requests.Should().Contain(("create", "events"));
    }
}

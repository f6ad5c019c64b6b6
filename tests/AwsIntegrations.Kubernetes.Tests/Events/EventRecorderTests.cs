using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Events;

public sealed class EventRecorderTests : EmulatorTest
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override KubernetesClientSettings Settings => base.Settings with { Time = _clock };

    [Fact]
    public async Task Warning_WritesAnEventOnTheObject_AsKubectlDescribeShowsIt()
    {
        var ingress = await Client.CreateAsync(new Ingress { Metadata = new ObjectMeta { Name = "web", Namespace = "default" } });
        await using var recorder = new EventRecorder(Client, new EventRecorderOptions("ingress-controller") { Instance = "pod-1" });

        recorder.Warning(ingress, "CertificateNotFound", "no certificate matches host web.example.com");
        await recorder.FlushAsync();

        var events = await Client.ListAsync<Event>("default", new ListOptions { FieldSelector = $"involvedObject.uid={ingress.Metadata.Uid}" });
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
        await Client.CreateAsync(NewPod("web"));
        var pod = (await Client.ListAsync<Pod>("default")).Items.Single();
        pod.Kind = null;
        pod.ApiVersion = null;
        await using var recorder = new EventRecorder(Client, new EventRecorderOptions("kube2iam"));

        recorder.Normal(pod, "RoleAssumed", "assumed role reader");
        await recorder.FlushAsync();

        (await Client.ListAsync<Event>("default")).Items.Single().InvolvedObject.Kind.Should().Be("Pod");
    }

    [Fact]
    public async Task Record_SameEventRepeated_IsOneEventWhoseCountGrows()
    {
        var pod = await Client.CreateAsync(NewPod("web"));
        await using var recorder = new EventRecorder(Client, new EventRecorderOptions("router"));

        for (var i = 0; i < 3; i++)
        {
            recorder.Warning(pod, "BackendDown", "no ready endpoints");
            await recorder.FlushAsync();
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        recorder.Warning(pod, "Other", "a different reason");
        await recorder.FlushAsync();

        var events = (await Client.ListAsync<Event>("default")).Items;
        events.Should().HaveCount(2);
        var repeated = events.Single(e => e.Reason == "BackendDown");
        repeated.Count.Should().Be(3);
        (repeated.LastTimestamp - repeated.FirstTimestamp).Should().Be(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Record_HotLoop_WritesAtMostTheBurst_AndTheNextWriteAfterTheRefillCarriesTheFullCount()
    {
        var pod = await Client.CreateAsync(NewPod("web"));
        await using var recorder = new EventRecorder(Client, new EventRecorderOptions("dns-controller"));

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
        (await Client.ListAsync<Event>("default")).Items.Should().ContainSingle().Which.Count.Should().Be(1001);
    }

    [Fact]
    public async Task Record_EventExpiredOnTheServer_IsCreatedAgainWithTheCount()
    {
        var pod = await Client.CreateAsync(NewPod("web"));
        await using var recorder = new EventRecorder(Client, new EventRecorderOptions("router"));
        recorder.Normal(pod, "Synced", "routes updated");
        await recorder.FlushAsync();
        var first = (await Client.ListAsync<Event>("default")).Items.Single();
        await Client.DeleteAsync<Event>("default", first.Metadata.Name!);

        recorder.Normal(pod, "Synced", "routes updated");
        await recorder.FlushAsync();

        (await Client.ListAsync<Event>("default")).Items.Should().ContainSingle().Which.Count.Should().Be(2);
    }

    [Fact]
    public async Task Record_ServerRejectsWrites_CallerIsNotAffected()
    {
        var pod = await Client.CreateAsync(NewPod("web"));
        Kube.Faults.Fail("create", "events", 403);
        await using var recorder = new EventRecorder(Client, new EventRecorderOptions("router"));

        recorder.Normal(pod, "Synced", "routes updated");
        await recorder.FlushAsync();

        Kube.All("Event").Should().BeEmpty();
        Kube.Requests.Should().Contain(("create", "events"));
    }
}

using AwsIntegrations.Kubernetes.Api;
using System.Net;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

public sealed class KubernetesClientListTests : EmulatorTest
{
    [Theory]
    [InlineData("app=web", "a,b")]
    [InlineData("app==web", "a,b")]
    [InlineData("app!=web", "c,d")]
    [InlineData("app in (web,db)", "a,b,c")]
    [InlineData("app notin (web)", "c,d")]
    [InlineData("tier", "a,c")]
    [InlineData("!tier", "b,d")]
    [InlineData("app=web,tier=front", "a")]
    public async Task ListAsync_LabelSelector_ReturnsTheMatchingPods(string selector, string expected)
    {
        await CreatePodAsync(NewPod("a", labels: new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" }));
        await CreatePodAsync(NewPod("b", labels: new Dictionary<string, string> { ["app"] = "web" }));
        await CreatePodAsync(NewPod("c", labels: new Dictionary<string, string> { ["app"] = "db", ["tier"] = "back" }));
        await CreatePodAsync(NewPod("d"));

        var list = await Connection.ListAsync<V1Pod>("default", new ListOptions { LabelSelector = selector });

        list.Items.Select(p => p.Metadata.Name).Should().Equal(expected.Split(','));
    }

    [Fact]
    public async Task ListAsync_FieldSelectors_FilterByNodeAndPhase()
    {
        SeedPod("on-1", "10.0.0.1", node: "node-1");
        SeedPod("on-2", "10.0.0.2", node: "node-2");
        await CreatePodAsync(NewPod("pending", node: "node-1"));

        var onNode = await Connection.ListAsync<V1Pod>(null, new ListOptions { FieldSelector = "spec.nodeName=node-1" });
        var running = await Connection.ListAsync<V1Pod>(null, new ListOptions { FieldSelector = "spec.nodeName=node-1,status.phase=Running" });
        var byIp = await Connection.ListAsync<V1Pod>(null, new ListOptions { FieldSelector = "status.podIP=10.0.0.2" });
        var notNamed = await Connection.ListAsync<V1Pod>(null, new ListOptions { FieldSelector = "metadata.name!=on-1" });

        onNode.Items.Select(p => p.Metadata.Name).Should().BeEquivalentTo("on-1", "pending");
        running.Items.Should().ContainSingle(p => p.Metadata.Name == "on-1");
        byIp.Items.Should().ContainSingle(p => p.Metadata.Name == "on-2");
        notNamed.Items.Select(p => p.Metadata.Name).Should().BeEquivalentTo("on-2", "pending");
    }

    [Fact]
    public async Task ListAsync_UnsupportedFieldLabel_ThrowsBadRequest()
    {
        var act = () => Connection.ListAsync<V1Pod>(null, new ListOptions { FieldSelector = "spec.schedulerName=x" });

        await act.ShouldBeRefusedAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListAsync_MalformedLabelSelector_ThrowsBadRequest()
    {
        var act = () => Connection.ListAsync<V1Pod>(null, new ListOptions { LabelSelector = "app in (web" });

        await act.ShouldBeRefusedAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListAsync_AllNamespaces_ReturnsPodsOfEveryNamespace()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "other" } });
        await CreatePodAsync(NewPod("here"));
        await CreatePodAsync(NewPod("there", ns: "other"));

        var all = await Connection.ListAsync<V1Pod>();
        var other = await Connection.ListAsync<V1Pod>("other");

        all.Items.Select(p => p.Metadata.Name).Should().BeEquivalentTo("here", "there");
        other.Items.Should().ContainSingle(p => p.Metadata.Name == "there");
    }

    [Fact]
    public async Task ListAsync_PagesWithLimitAndContinue_ReturnEveryObjectExactlyOnce()
    {
        for (var i = 0; i < 23; i++)
        {
            SeedPod($"pod-{i:00}", $"10.0.1.{i}");
        }

        var first = await Connection.ListAsync<V1Pod>("default", new ListOptions { Limit = 10 });
        var names = new List<string>();
        await foreach (var pod in Connection.ListAllAsync<V1Pod>("default", pageSize: 10))
        {
            names.Add(pod.Metadata.Name!);
        }

        first.Items.Should().HaveCount(10);
        first.Metadata.ContinueProperty.Should().NotBeNullOrEmpty();
        names.Should().HaveCount(23).And.OnlyHaveUniqueItems();
        Kube.Requests.Count(r => r.Verb == "list").Should().Be(1 + 3);
    }

    [Fact]
    public async Task ListAsync_ContinueTokenOlderThanHistory_ThrowsGone()
    {
        for (var i = 0; i < 5; i++)
        {
            SeedPod($"pod-{i}", $"10.0.2.{i}");
        }

        var first = await Connection.ListAsync<V1Pod>("default", new ListOptions { Limit = 2 });
        SeedPod("later", "10.0.2.99");
        Kube.CompactHistory();

        var act = () => Connection.ListAsync<V1Pod>("default", new ListOptions { Limit = 2, Continue = first.Metadata.ContinueProperty });

        await act.ShouldBeRefusedAsync(HttpStatusCode.Gone);
    }
}

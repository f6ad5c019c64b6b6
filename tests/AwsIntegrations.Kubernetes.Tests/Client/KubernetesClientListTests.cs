using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;

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
        await Client.CreateAsync(NewPod("a", labels: new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" }));
        await Client.CreateAsync(NewPod("b", labels: new Dictionary<string, string> { ["app"] = "web" }));
        await Client.CreateAsync(NewPod("c", labels: new Dictionary<string, string> { ["app"] = "db", ["tier"] = "back" }));
        await Client.CreateAsync(NewPod("d"));

        var list = await Client.ListAsync<Pod>("default", new ListOptions { LabelSelector = selector });

        list.Items.Select(p => p.Metadata.Name).Should().Equal(expected.Split(','));
    }

    [Fact]
    public async Task ListAsync_FieldSelectors_FilterByNodeAndPhase()
    {
        SeedPod("on-1", "10.0.0.1", node: "node-1");
        SeedPod("on-2", "10.0.0.2", node: "node-2");
        await Client.CreateAsync(NewPod("pending", node: "node-1"));

        var onNode = await Client.ListAsync<Pod>(null, new ListOptions { FieldSelector = "spec.nodeName=node-1" });
        var running = await Client.ListAsync<Pod>(null, new ListOptions { FieldSelector = "spec.nodeName=node-1,status.phase=Running" });
        var byIp = await Client.ListAsync<Pod>(null, new ListOptions { FieldSelector = "status.podIP=10.0.0.2" });
        var notNamed = await Client.ListAsync<Pod>(null, new ListOptions { FieldSelector = "metadata.name!=on-1" });

        onNode.Items.Select(p => p.Metadata.Name).Should().BeEquivalentTo("on-1", "pending");
        running.Items.Should().ContainSingle(p => p.Metadata.Name == "on-1");
        byIp.Items.Should().ContainSingle(p => p.Metadata.Name == "on-2");
        notNamed.Items.Select(p => p.Metadata.Name).Should().BeEquivalentTo("on-2", "pending");
    }

    [Fact]
    public async Task ListAsync_UnsupportedFieldLabel_ThrowsBadRequest()
    {
        var act = () => Client.ListAsync<Pod>(null, new ListOptions { FieldSelector = "spec.schedulerName=x" });

        (await act.Should().ThrowAsync<KubernetesApiException>()).Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task ListAsync_MalformedLabelSelector_ThrowsBadRequest()
    {
        var act = () => Client.ListAsync<Pod>(null, new ListOptions { LabelSelector = "app in (web" });

        (await act.Should().ThrowAsync<KubernetesApiException>()).Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task ListAsync_AllNamespaces_ReturnsPodsOfEveryNamespace()
    {
        await Client.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = "other" } });
        await Client.CreateAsync(NewPod("here"));
        await Client.CreateAsync(NewPod("there", ns: "other"));

        var all = await Client.ListAsync<Pod>();
        var other = await Client.ListAsync<Pod>("other");

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

        var first = await Client.ListAsync<Pod>("default", new ListOptions { Limit = 10 });
        var names = new List<string>();
        await foreach (var pod in Client.ListAllAsync<Pod>("default", pageSize: 10))
        {
            names.Add(pod.Metadata.Name!);
        }

        first.Items.Should().HaveCount(10);
        first.Metadata.Continue.Should().NotBeNullOrEmpty();
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

        var first = await Client.ListAsync<Pod>("default", new ListOptions { Limit = 2 });
        SeedPod("later", "10.0.2.99");
        Kube.CompactHistory();

        var act = () => Client.ListAsync<Pod>("default", new ListOptions { Limit = 2, Continue = first.Metadata.Continue });

        await act.Should().ThrowAsync<KubernetesGoneException>();
    }
}

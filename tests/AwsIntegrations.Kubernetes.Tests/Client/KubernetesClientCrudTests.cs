using System.Text.Json.Nodes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

public sealed class KubernetesClientCrudTests : EmulatorTest
{
    [Fact]
    public async Task CreateAsync_NewPod_ServerAssignsIdentityAndVersion()
    {
        var created = await Client.CreateAsync(NewPod("web"));

        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        created.Metadata.ResourceVersion.Should().NotBeNullOrEmpty();
        created.Metadata.CreationTimestamp.Should().NotBeNull();
        created.Metadata.Generation.Should().BeNull("pods have a generation only from Kubernetes 1.33; the emulator serves 1.32");
        created.Status!.Phase.Should().Be("Pending");
        Kube.Get("Pod", "default", "web").Should().NotBeNull();
    }

    [Fact]
    public async Task CreateAsync_GenerateName_ServerPicksAUniqueName()
    {
        var pod = NewPod("");
        pod.Metadata.Name = null;
        pod.Metadata.GenerateName = "worker-";

        var first = await Client.CreateAsync(pod);
        pod.Metadata.Name = null;
        var second = await Client.CreateAsync(pod);

        first.Metadata.Name.Should().StartWith("worker-").And.HaveLength("worker-".Length + 5);
        second.Metadata.Name.Should().NotBe(first.Metadata.Name);
    }

    [Fact]
    public async Task CreateAsync_NameTaken_ThrowsConflictAlreadyExists()
    {
        await Client.CreateAsync(NewPod("web"));

        var act = () => Client.CreateAsync(NewPod("web"));

        (await act.Should().ThrowAsync<KubernetesConflictException>()).Which.IsAlreadyExists.Should().BeTrue();
    }

    [Fact]
    public async Task CreateAsync_InvalidName_ThrowsInvalidNamingTheField()
    {
        var act = () => Client.CreateAsync(NewPod("Not_Valid"));

        var error = (await act.Should().ThrowAsync<KubernetesInvalidException>()).Which;
        error.Causes.Should().ContainSingle(c => c.Field == "metadata.name");
    }

    [Fact]
    public async Task CreateAsync_NamespaceMissing_ThrowsNotFound()
    {
        var act = () => Client.CreateAsync(NewPod("web", ns: "nowhere"));

        await act.Should().ThrowAsync<KubernetesNotFoundException>().WithMessage("*namespaces \"nowhere\" not found*");
    }

    [Fact]
    public async Task CreateAsync_NamespacedKindWithoutNamespace_ThrowsBeforeSending()
    {
        var pod = NewPod("web");
        pod.Metadata.Namespace = null;

        var act = () => Client.CreateAsync(pod);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*namespaced*");
        Kube.Requests.Should().NotContain(r => r.Verb == "create");
    }

    [Fact]
    public async Task GetAsync_Missing_ThrowsNotFound_And_FindAsync_ReturnsNull()
    {
        var act = () => Client.GetAsync<Pod>("default", "ghost");

        await act.Should().ThrowAsync<KubernetesNotFoundException>();
        (await Client.FindAsync<Pod>("default", "ghost")).Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_ClusterScopedKind_UsesNoNamespace()
    {
        await Client.CreateAsync(new Node { Metadata = new ObjectMeta { Name = "node-1" }, Spec = new NodeSpec { ProviderID = "aws:///us-east-1a/i-0abc" } });

        var node = await Client.GetAsync<Node>(null, "node-1");

        node.Spec!.ProviderID.Should().Be("aws:///us-east-1a/i-0abc");
    }

    [Fact]
    public async Task UpdateAsync_StaleResourceVersion_ThrowsConflict()
    {
        var created = await Client.CreateAsync(NewPod("web"));
        var fresh = await Client.GetAsync<Pod>("default", "web");
        fresh.Metadata.Labels = new() { ["v"] = "2" };
        await Client.UpdateAsync(fresh);

        created.Metadata.Labels = new() { ["v"] = "stale" };
        var act = () => Client.UpdateAsync(created);

        await act.Should().ThrowAsync<KubernetesConflictException>().Where(e => !e.IsAlreadyExists);
        Kube.Get("Pod", "default", "web")!["metadata"]!["labels"]!["v"]!.GetValue<string>().Should().Be("2");
    }

    [Fact]
    public async Task UpdateAsync_ObjectWithFieldsThisClientDoesNotModel_KeepsThem()
    {
        Kube.Create("Pod", "default", JsonNode.Parse("""
            {"metadata":{"name":"rich"},
             "spec":{"containers":[{"name":"app","image":"nginx","resources":{"limits":{"cpu":"1"}}}],"priorityClassName":"high","tolerations":[{"key":"k","operator":"Exists"}]},
             "futureTopLevel":{"x":1}}
            """)!.AsObject());

        var pod = await Client.GetAsync<Pod>("default", "rich");
        pod.Metadata.Labels = new() { ["touched"] = "yes" };
        await Client.UpdateAsync(pod);

        var stored = Kube.Get("Pod", "default", "rich")!;
        stored["metadata"]!["labels"]!["touched"]!.GetValue<string>().Should().Be("yes");
        stored["metadata"]!["managedFields"]!.AsArray().Select(e => (string)e!["manager"]!).Should().Equal("emulator", "testhost");
        stored["metadata"]!["managedFields"]![1]!["fieldsV1"]!.ToJsonString().Should().Be("""{"f:metadata":{"f:labels":{".":{},"f:touched":{}}}}""");
        stored["spec"]!["priorityClassName"]!.GetValue<string>().Should().Be("high");
        stored["spec"]!["tolerations"]![0]!["key"]!.GetValue<string>().Should().Be("k");
        stored["spec"]!["containers"]![0]!["resources"]!["limits"]!["cpu"]!.GetValue<string>().Should().Be("1");
        stored["futureTopLevel"]!["x"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task UpdateAsync_SpecChange_BumpsGeneration_MetadataChangeDoesNot()
    {
        var ingress = await Client.CreateAsync(new Ingress { Metadata = new ObjectMeta { Name = "web", Namespace = "default" }, Spec = new IngressSpec { IngressClassName = "a" } });
        ingress.Metadata.Generation.Should().Be(1);
        ingress.Metadata.Labels = new() { ["a"] = "b" };
        ingress = await Client.UpdateAsync(ingress);
        ingress.Metadata.Generation.Should().Be(1);

        ingress.Spec!.IngressClassName = "b";
        ingress = await Client.UpdateAsync(ingress);

        ingress.Metadata.Generation.Should().Be(2);
    }

    [Fact]
    public async Task UpdateStatusAsync_WritesStatusOnly()
    {
        var pod = await Client.CreateAsync(NewPod("web"));
        pod.Status = new PodStatus { Phase = "Running", PodIP = "10.1.2.3" };
        pod.Metadata.Labels = new() { ["ignored"] = "yes" };

        var updated = await Client.UpdateStatusAsync(pod);

        updated.Status!.PodIP.Should().Be("10.1.2.3");
        updated.Metadata.Labels.Should().BeNull();
    }

    [Fact]
    public async Task Deserialize_JobOwnedByCronJob_ExposesOwnerReference()
    {
        Kube.Create("Job", "default", JsonNode.Parse("""
            {"metadata":{"name":"nightly-29000000","ownerReferences":[{"apiVersion":"batch/v1","kind":"CronJob","name":"nightly","uid":"cj-1","controller":true}]},
             "spec":{"template":{"spec":{"containers":[{"name":"c","image":"busybox"}],"restartPolicy":"Never"}}}}
            """)!.AsObject());

        var job = await Client.GetAsync<Job>("default", "nightly-29000000");

        job.Metadata.OwnerReferences.Should().ContainSingle(o => o.Kind == "CronJob" && o.Name == "nightly" && o.Controller == true);
        job.Spec!.Template!.Spec!.RestartPolicy.Should().Be("Never");
    }

    [Fact]
    public async Task CreateAsync_EveryRegisteredKind_RoundTrips()
    {
        await Client.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = "team-a" } });
        await Client.CreateAsync(new Service { Metadata = new ObjectMeta { Name = "svc", Namespace = "team-a" }, Spec = new ServiceSpec { Ports = [new ServicePort { Port = 80, TargetPort = "http" }] } });
        await Client.CreateAsync(new EndpointSlice { Metadata = new ObjectMeta { Name = "svc-x", Namespace = "team-a", Labels = new() { [EndpointSlice.ServiceNameLabel] = "svc" } }, Endpoints = [new Endpoint { Addresses = ["10.0.0.1"], Conditions = new EndpointConditions { Ready = true } }], Ports = [new EndpointPort { Port = 8080 }] });
        await Client.CreateAsync(new IngressClass { Metadata = new ObjectMeta { Name = "alb" }, Spec = new IngressClassSpec { Controller = "aws-integrations/ingress" } });
        await Client.CreateAsync(new Ingress { Metadata = new ObjectMeta { Name = "web", Namespace = "team-a" }, Spec = new IngressSpec { IngressClassName = "alb", Rules = [new IngressRule { Host = "a.example.com", Http = new HttpIngressRuleValue { Paths = [new HttpIngressPath { Path = "/", Backend = new IngressBackend { Service = new IngressServiceBackend { Name = "svc", Port = new ServiceBackendPort { Number = 80 } } } }] } }] } });
        await Client.CreateAsync(new Secret { Metadata = new ObjectMeta { Name = "tls", Namespace = "team-a" }, Type = "kubernetes.io/tls", Data = new() { ["tls.crt"] = [1, 2, 3] } });
        await Client.CreateAsync(new DaemonSet { Metadata = new ObjectMeta { Name = "agent", Namespace = "team-a" }, Spec = new DaemonSetSpec { Selector = new LabelSelectorSpec { MatchLabels = new() { ["app"] = "agent" } } } });
        await Client.CreateAsync(new CronJob { Metadata = new ObjectMeta { Name = "nightly", Namespace = "team-a" }, Spec = new CronJobSpec { Schedule = "0 3 * * *" } });
        await Client.CreateAsync(new Lease { Metadata = new ObjectMeta { Name = "lock", Namespace = "team-a" }, Spec = new LeaseSpec { HolderIdentity = "me", RenewTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero) } });

        (await Client.GetAsync<Service>("team-a", "svc")).Spec!.Ports![0].TargetPort.Should().Be(new IntOrString(null, "http"));
        (await Client.GetAsync<EndpointSlice>("team-a", "svc-x")).Endpoints![0].Conditions!.Ready.Should().BeTrue();
        (await Client.GetAsync<IngressClass>(null, "alb")).Spec!.Controller.Should().Be("aws-integrations/ingress");
        (await Client.GetAsync<Ingress>("team-a", "web")).Spec!.Rules![0].Http!.Paths[0].Backend.Service!.Port!.Number.Should().Be(80);
        (await Client.GetAsync<Secret>("team-a", "tls")).Data!["tls.crt"].Should().Equal(1, 2, 3);
        (await Client.GetAsync<DaemonSet>("team-a", "agent")).Spec!.Selector!.MatchLabels!["app"].Should().Be("agent");
        (await Client.GetAsync<CronJob>("team-a", "nightly")).Spec!.Schedule.Should().Be("0 3 * * *");
        Kube.Get("Lease", "team-a", "lock")!["spec"]!["renewTime"]!.GetValue<string>().Should().Be("2026-01-02T03:04:05.678000Z");
        (await Client.GetAsync<Lease>("team-a", "lock")).Spec!.RenewTime.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));
    }

    [Fact]
    public async Task Create_NodeTaintsAndPodScheduling_RoundTripTyped()
    {
        await Client.CreateAsync(new Node { Metadata = new ObjectMeta { Name = "n1" }, Spec = new NodeSpec { Taints = [new Taint { Key = "aws-integrations.io/not-ready", Effect = "NoSchedule" }] } });
        await Client.CreateAsync(new DaemonSet
        {
            Metadata = new ObjectMeta { Name = "agent", Namespace = "default" },
            Spec = new DaemonSetSpec
            {
                Template = new PodTemplateSpec
                {
                    Spec = new PodSpec
                    {
                        NodeSelector = new() { ["kubernetes.io/os"] = "linux" },
                        Tolerations = [new Toleration { Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 30 }],
                        Affinity = new Affinity { NodeAffinity = new NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = [new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "zone", Operator = "In", Values = ["a", "b"] }] }] } } },
                    },
                },
            },
        });

        Kube.Get("Node", null, "n1")!["spec"]!["taints"]![0]!["key"]!.GetValue<string>().Should().Be("aws-integrations.io/not-ready");
        (await Client.GetAsync<Node>(null, "n1")).Spec!.Taints!.Single().Effect.Should().Be("NoSchedule");
        var template = (await Client.GetAsync<DaemonSet>("default", "agent")).Spec!.Template!.Spec!;
        template.NodeSelector!["kubernetes.io/os"].Should().Be("linux");
        template.Tolerations!.Single().TolerationSeconds.Should().Be(30);
        template.Affinity!.NodeAffinity!.RequiredDuringSchedulingIgnoredDuringExecution!.NodeSelectorTerms.Single().MatchExpressions!.Single().Values.Should().Equal("a", "b");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using AwsIntegrations.Kubernetes.Api;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

/// <summary>KubernetesClient's typed calls against the emulator: what the services and tests rely on, end to end over HTTP.</summary>
public sealed class KubernetesClientCrudTests : EmulatorTest
{
    [Fact]
    public async Task CreateAsync_NewPod_ServerAssignsIdentityAndVersion()
    {
        var created = await Client.CoreV1.CreateNamespacedPodAsync(NewPod("web"), "default");

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

        var first = await Client.CoreV1.CreateNamespacedPodAsync(pod, "default");
        pod.Metadata.Name = null;
        var second = await Client.CoreV1.CreateNamespacedPodAsync(pod, "default");

        first.Metadata.Name.Should().StartWith("worker-").And.HaveLength("worker-".Length + 5);
        second.Metadata.Name.Should().NotBe(first.Metadata.Name);
    }

    [Fact]
    public async Task CreateAsync_NameTaken_IsRefusedConflictAlreadyExists()
    {
        await Client.CoreV1.CreateNamespacedPodAsync(NewPod("web"), "default");

        var status = await ((Func<Task>)(() => Client.CoreV1.CreateNamespacedPodAsync(NewPod("web"), "default"))).ShouldBeRefusedAsync(HttpStatusCode.Conflict);

        status.Reason.Should().Be("AlreadyExists");
    }

    [Fact]
    public async Task CreateAsync_InvalidName_IsRefusedNamingTheField()
    {
        var status = await ((Func<Task>)(() => Client.CoreV1.CreateNamespacedPodAsync(NewPod("Not_Valid"), "default"))).ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity);

        status.Reason.Should().Be("Invalid");
        status.Details.Causes.Should().ContainSingle(c => c.Field == "metadata.name");
    }

    [Fact]
    public async Task CreateAsync_NamespaceMissing_IsRefusedNotFound()
    {
        var status = await ((Func<Task>)(() => Client.CoreV1.CreateNamespacedPodAsync(NewPod("web", ns: "nowhere"), "nowhere"))).ShouldBeRefusedAsync(HttpStatusCode.NotFound);

        status.Message.Should().Contain("namespaces \"nowhere\" not found");
    }

    [Fact]
    public async Task CreateAsync_NamespacedKindWithoutNamespace_IsRefusedByTheServer_AndCreatesNothing()
    {
        // KubernetesClient 21 sends what it is given (POST /api/v1/namespaces//pods); the server refuses it.
        var act = () => Client.CoreV1.CreateNamespacedPodAsync(NewPod("web"), null!);

        await act.ShouldBeRefusedAsync(HttpStatusCode.MethodNotAllowed);
        Kube.All("Pod", "default").Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_Missing_IsRefusedNotFound_And_NullIfNotFound_ReturnsNull()
    {
        await ((Func<Task>)(() => Client.CoreV1.ReadNamespacedPodAsync("ghost", "default"))).ShouldBeRefusedAsync(HttpStatusCode.NotFound);

        (await Client.CoreV1.ReadNamespacedPodAsync("ghost", "default").NullIfNotFound()).Should().BeNull();
    }

    [Fact]
    public async Task ReadAsync_ClusterScopedKind_UsesNoNamespace()
    {
        await Client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = "node-1" }, Spec = new V1NodeSpec { ProviderID = "aws:///us-east-1a/i-0abc" } });

        var node = await Client.CoreV1.ReadNodeAsync("node-1");

        node.Spec!.ProviderID.Should().Be("aws:///us-east-1a/i-0abc");
    }

    [Fact]
    public async Task ReplaceAsync_StaleResourceVersion_IsRefusedConflict()
    {
        var created = await Client.CoreV1.CreateNamespacedPodAsync(NewPod("web"), "default");
        var fresh = await Client.CoreV1.ReadNamespacedPodAsync("web", "default");
        fresh.Metadata.Labels = new Dictionary<string, string> { ["v"] = "2" };
        await Client.CoreV1.ReplaceNamespacedPodAsync(fresh, "web", "default");

        created.Metadata.Labels = new Dictionary<string, string> { ["v"] = "stale" };
        var status = await ((Func<Task>)(() => Client.CoreV1.ReplaceNamespacedPodAsync(created, "web", "default"))).ShouldBeRefusedAsync(HttpStatusCode.Conflict);

        status.Reason.Should().Be("Conflict");
        Kube.Get("Pod", "default", "web")!["metadata"]!["labels"]!["v"]!.GetValue<string>().Should().Be("2");
    }

    [Fact]
    public async Task ReadModifyReplace_DropsFieldsTheModelsDoNotKnow_AMergePatchOfOwnedFieldsKeepsThem()
    {
        // Why every write of the services is a patch: KubernetesClient's models have no place for fields a newer server adds.
        Kube.Create("Pod", "default", JsonNode.Parse("""
            {"metadata":{"name":"rich"},
             "spec":{"containers":[{"name":"app","image":"nginx","resources":{"limits":{"cpu":"1"}}}],"priorityClassName":"high","tolerations":[{"key":"k","operator":"Exists"}],"futureSpecField":"kept"},
             "futureTopLevel":{"x":1}}
            """)!.AsObject());

        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"touched":"yes"}}}""", V1Patch.PatchType.MergePatch), "rich", "default");

        var patched = Kube.Get("Pod", "default", "rich")!;
        patched["metadata"]!["labels"]!["touched"]!.GetValue<string>().Should().Be("yes");
        patched["metadata"]!["managedFields"]!.AsArray().Select(e => (string)e!["manager"]!).Should().Equal("emulator", "testhost");
        patched["metadata"]!["managedFields"]![1]!["fieldsV1"]!.ToJsonString().Should().Be("""{"f:metadata":{"f:labels":{".":{},"f:touched":{}}}}""");
        patched["spec"]!["priorityClassName"]!.GetValue<string>().Should().Be("high");
        patched["spec"]!["tolerations"]![0]!["key"]!.GetValue<string>().Should().Be("k");
        patched["spec"]!["containers"]![0]!["resources"]!["limits"]!["cpu"]!.GetValue<string>().Should().Be("1");
        patched["spec"]!["futureSpecField"]!.GetValue<string>().Should().Be("kept");
        patched["futureTopLevel"]!["x"]!.GetValue<int>().Should().Be(1);

        var pod = await Client.CoreV1.ReadNamespacedPodAsync("rich", "default");
        pod.Metadata.Labels["touched"] = "again";
        await Client.CoreV1.ReplaceNamespacedPodAsync(pod, "rich", "default");

        var replaced = Kube.Get("Pod", "default", "rich")!;
        replaced["spec"]!["priorityClassName"]!.GetValue<string>().Should().Be("high", "fields the models know survive a replace");
        replaced["spec"]!["futureSpecField"].Should().BeNull("a replace through the typed models loses what they do not know");
        replaced["futureTopLevel"].Should().BeNull();
    }

    [Fact]
    public async Task ReplaceAsync_SpecChange_BumpsGeneration_MetadataChangeDoesNot()
    {
        var ingress = await Client.NetworkingV1.CreateNamespacedIngressAsync(new V1Ingress { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" }, Spec = new V1IngressSpec { IngressClassName = "a" } }, "default");
        ingress.Metadata.Generation.Should().Be(1);
        ingress.Metadata.Labels = new Dictionary<string, string> { ["a"] = "b" };
        ingress = await Client.NetworkingV1.ReplaceNamespacedIngressAsync(ingress, "web", "default");
        ingress.Metadata.Generation.Should().Be(1);

        ingress.Spec!.IngressClassName = "b";
        ingress = await Client.NetworkingV1.ReplaceNamespacedIngressAsync(ingress, "web", "default");

        ingress.Metadata.Generation.Should().Be(2);
    }

    [Fact]
    public async Task ReplaceStatusAsync_WritesStatusOnly()
    {
        var pod = await Client.CoreV1.CreateNamespacedPodAsync(NewPod("web"), "default");
        pod.Status = new V1PodStatus { Phase = "Running", PodIP = "10.1.2.3" };
        pod.Metadata.Labels = new Dictionary<string, string> { ["ignored"] = "yes" };

        var updated = await Client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, "web", "default");

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

        var job = await Client.BatchV1.ReadNamespacedJobAsync("nightly-29000000", "default");

        job.Metadata.OwnerReferences.Should().ContainSingle(o => o.Kind == "CronJob" && o.Name == "nightly" && o.Controller == true);
        job.Spec!.Template!.Spec!.RestartPolicy.Should().Be("Never");
    }

    [Fact]
    public async Task CreateAsync_EveryKindTheSuiteUses_RoundTrips()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team-a" } });
        await Client.CoreV1.CreateNamespacedServiceAsync(new V1Service { Metadata = new V1ObjectMeta { Name = "svc", NamespaceProperty = "team-a" }, Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80, TargetPort = "http" }] } }, "team-a");
        await Client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(new V1EndpointSlice { Metadata = new V1ObjectMeta { Name = "svc-x", NamespaceProperty = "team-a", Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = "svc" } }, AddressType = "IPv4", Endpoints = [new V1Endpoint { Addresses = ["10.0.0.1"], Conditions = new V1EndpointConditions { Ready = true } }], Ports = [new Discoveryv1EndpointPort { Port = 8080 }] }, "team-a");
        await Client.NetworkingV1.CreateIngressClassAsync(new V1IngressClass { Metadata = new V1ObjectMeta { Name = "alb" }, Spec = new V1IngressClassSpec { Controller = "aws-integrations/ingress" } });
        await Client.NetworkingV1.CreateNamespacedIngressAsync(new V1Ingress { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "team-a" }, Spec = new V1IngressSpec { IngressClassName = "alb", Rules = [new V1IngressRule { Host = "a.example.com", Http = new V1HTTPIngressRuleValue { Paths = [new V1HTTPIngressPath { Path = "/", PathType = "Prefix", Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "svc", Port = new V1ServiceBackendPort { Number = 80 } } } }] } }] } }, "team-a");
        await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "tls", NamespaceProperty = "team-a" }, Type = "kubernetes.io/tls", Data = new Dictionary<string, byte[]> { ["tls.crt"] = [1, 2, 3] } }, "team-a");
        await Client.AppsV1.CreateNamespacedDaemonSetAsync(new V1DaemonSet { Metadata = new V1ObjectMeta { Name = "agent", NamespaceProperty = "team-a" }, Spec = new V1DaemonSetSpec { Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "agent" } } } }, "team-a");
        await Client.BatchV1.CreateNamespacedCronJobAsync(new V1CronJob { Metadata = new V1ObjectMeta { Name = "nightly", NamespaceProperty = "team-a" }, Spec = new V1CronJobSpec { Schedule = "0 3 * * *" } }, "team-a");
        await Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "lock", NamespaceProperty = "team-a" }, Spec = new V1LeaseSpec { HolderIdentity = "me", RenewTime = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc) } }, "team-a");
        await Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "whole-second", NamespaceProperty = "team-a" }, Spec = new V1LeaseSpec { HolderIdentity = "me", RenewTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) } }, "team-a");

        (await Client.CoreV1.ReadNamespacedServiceAsync("svc", "team-a")).Spec!.Ports![0].TargetPort.Value.Should().Be("http");
        (await Client.DiscoveryV1.ReadNamespacedEndpointSliceAsync("svc-x", "team-a")).Endpoints![0].Conditions!.Ready.Should().BeTrue();
        (await Client.NetworkingV1.ReadIngressClassAsync("alb")).Spec!.Controller.Should().Be("aws-integrations/ingress");
        (await Client.NetworkingV1.ReadNamespacedIngressAsync("web", "team-a")).Spec!.Rules![0].Http!.Paths[0].Backend.Service!.Port!.Number.Should().Be(80);
        (await Client.CoreV1.ReadNamespacedSecretAsync("tls", "team-a")).Data!["tls.crt"].Should().Equal(1, 2, 3);
        (await Client.AppsV1.ReadNamespacedDaemonSetAsync("agent", "team-a")).Spec!.Selector!.MatchLabels!["app"].Should().Be("agent");
        (await Client.BatchV1.ReadNamespacedCronJobAsync("nightly", "team-a")).Spec!.Schedule.Should().Be("0 3 * * *");
        Kube.Get("Lease", "team-a", "lock")!["spec"]!["renewTime"]!.GetValue<string>().Should().Be("2026-01-02T03:04:05.678000Z");
        // metav1.MicroTime: the API server wants six fractional digits even for a whole second.
        Kube.Get("Lease", "team-a", "whole-second")!["spec"]!["renewTime"]!.GetValue<string>().Should().Be("2026-01-02T03:04:05.000000Z");
        (await Client.CoordinationV1.ReadNamespacedLeaseAsync("lock", "team-a")).Spec!.RenewTime.Should().Be(new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Create_NodeTaintsAndPodScheduling_RoundTripTyped()
    {
        await Client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = "n1" }, Spec = new V1NodeSpec { Taints = [new V1Taint { Key = "aws-integrations.io/not-ready", Effect = "NoSchedule" }] } });
        await Client.AppsV1.CreateNamespacedDaemonSetAsync(
            new V1DaemonSet
            {
                Metadata = new V1ObjectMeta { Name = "agent", NamespaceProperty = "default" },
                Spec = new V1DaemonSetSpec
                {
                    Template = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec
                        {
                            NodeSelector = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" },
                            Tolerations = [new V1Toleration { OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 30 }],
                            Affinity = new V1Affinity { NodeAffinity = new V1NodeAffinity { RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector { NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = [new V1NodeSelectorRequirement { Key = "zone", OperatorProperty = "In", Values = ["a", "b"] }] }] } } },
                        },
                    },
                },
            },
            "default");

        Kube.Get("Node", null, "n1")!["spec"]!["taints"]![0]!["key"]!.GetValue<string>().Should().Be("aws-integrations.io/not-ready");
        (await Client.CoreV1.ReadNodeAsync("n1")).Spec!.Taints!.Single().Effect.Should().Be("NoSchedule");
        var template = (await Client.AppsV1.ReadNamespacedDaemonSetAsync("agent", "default")).Spec!.Template!.Spec!;
        template.NodeSelector!["kubernetes.io/os"].Should().Be("linux");
        template.Tolerations!.Single().TolerationSeconds.Should().Be(30);
        template.Affinity!.NodeAffinity!.RequiredDuringSchedulingIgnoredDuringExecution!.NodeSelectorTerms.Single().MatchExpressions!.Single().Values.Should().Equal("a", "b");
    }
}

using k8s;
using System.Text.Json.Nodes;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.Testing;

namespace AwsIntegrations.IngressController.Tests.Integration;

public class TargetTypeTests
{
    private static readonly DateTimeOffset NextYear = DateTimeOffset.UtcNow.AddDays(365);

    private static void RouterPod(ControllerHarness h, string name, string ip, bool ready)
    {
        h.Kube.Create("Pod", "kube-system", JsonNode.Parse($$$"""
            {"metadata":{"name":"{{{name}}}","labels":{"application":"router"}},"spec":{"nodeName":"node-1","containers":[{"name":"router","image":"router"}]} }
            """)!.AsObject());
        h.Kube.Store.Update(h.Kube.Store.Definition("Pod"), "kube-system", name, o =>
        {
            o["status"] = new JsonObject
            {
                ["phase"] = "Running",
                ["podIP"] = ip,
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
            };
            return o;
        }, status: true);
    }

    [Fact]
    public async Task IpTargets_RegisterReadyRouterPodIps_AndFollowPodChurn()
    {
        await using var h = await ControllerHarness.StartAsync(o => o.TargetType = TargetType.Ip);
        h.AddCertificate("shop", NextYear, "shop.example.org");
        RouterPod(h, "router-a", "10.0.1.50", ready: true);
        RouterPod(h, "router-b", "10.0.2.50", ready: false);
        await Eventually.HoldsAsync(() => h.Controller.Cluster.Pods!.List().Count == 2 && h.Controller.Cluster.Pods.List().All(p => p.Status?.PodIP is not null), "router pods in the cache");
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);

        (await h.PassAsync()).Succeeded.Should().BeTrue();

        var group = h.TargetGroups().Should().ContainSingle().Subject;
        group.TargetType.Should().Be("ip");
        group.Targets.Select(t => (t.Id, t.Port)).Should().Equal(("10.0.1.50", 9999));

        await h.Client.CoreV1.DeleteNamespacedPodAsync("router-a", "kube-system");
        RouterPod(h, "router-c", "10.0.1.51", ready: true);
        await Eventually.HoldsAsync(() => h.Controller.Cluster.Pods!.Get("kube-system", "router-a") is null && h.Controller.Cluster.Pods.Get("kube-system", "router-c")?.Status?.PodIP is not null, "pod churn in the cache");
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Equal("elbv2:RegisterTargets", "elbv2:DeregisterTargets");
        h.RegisteredTargets(h.TargetGroups().Single()).Should().Equal(["10.0.1.51"], "10.0.1.50 drains for the deregistration delay");
    }

    [Fact]
    public async Task IngressClassObjectOfOurController_SelectsItsIngresses()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        h.Kube.Create("IngressClass", null, JsonNode.Parse("""{"metadata":{"name":"public-alb"},"spec":{"controller":"aws-integrations.io/ingress-controller"}}""")!.AsObject());
        h.Kube.Create("IngressClass", null, JsonNode.Parse("""{"metadata":{"name":"nginx"},"spec":{"controller":"k8s.io/ingress-nginx"}}""")!.AsObject());
        await Eventually.HoldsAsync(() => h.Controller.Cluster.Classes.List().Count == 2, "classes in the cache");
        await h.ApplyIngressAsync("shop", ["shop.example.org"], className: "public-alb");
        await h.ApplyIngressAsync("other", ["other.example.org"], className: "nginx");

        await h.ConvergeAsync();

        h.LoadBalancers().Should().ContainSingle();
        (await h.GetIngressAsync("shop")).Status!.LoadBalancer!.Ingress.Should().ContainSingle();
        (await h.GetIngressAsync("other")).Status?.LoadBalancer?.Ingress.Should().BeNullOrEmpty();
    }
}

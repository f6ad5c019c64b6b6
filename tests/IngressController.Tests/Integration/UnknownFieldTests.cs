using System.Text.Json.Nodes;

namespace AwsIntegrations.IngressController.Tests.Integration;

/// <summary>
/// Fields a newer API server writes, which KubernetesClient's models do not know (and would drop on a read-modify-write),
/// survive the controller's writes: it merge-patches status.loadBalancer.ingress, nothing else.
/// </summary>
public class UnknownFieldTests
{
    [Fact]
    public async Task StatusWrite_IngressWithFieldsTheModelsDoNotKnow_KeepsThem_AndWritesTheHostname()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.AddCertificate("shop", DateTimeOffset.UtcNow.AddDays(365), "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        var definition = h.Kube.Store.Definition("Ingress");
        h.Kube.Store.Update(definition, "default", "shop", o =>
        {
            o["spec"]!["futureSpecField"] = "kept";
            o["spec"]!["rules"]![0]!["futureRuleField"] = new JsonObject { ["x"] = 1 };
            o["futureTopLevel"] = "kept";
            return o;
        }, status: false);
        h.Kube.Store.Update(definition, "default", "shop", o =>
        {
            o["status"] = new JsonObject { ["futureStatusField"] = "kept" };
            return o;
        }, status: true);

        await h.SettleAsync("shop");

        var stored = h.Kube.Get("Ingress", "default", "shop")!;
        stored["status"]!["loadBalancer"]!["ingress"]![0]!["hostname"]!.GetValue<string>().Should().Be(h.LoadBalancers().Single().DnsName.ToLowerInvariant());
        stored["status"]!["futureStatusField"]!.GetValue<string>().Should().Be("kept");
        stored["spec"]!["futureSpecField"]!.GetValue<string>().Should().Be("kept");
        stored["spec"]!["rules"]![0]!["futureRuleField"]!["x"]!.GetValue<int>().Should().Be(1);
        stored["futureTopLevel"]!.GetValue<string>().Should().Be("kept");
    }
}

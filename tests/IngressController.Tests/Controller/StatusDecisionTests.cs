using AwsIntegrations.IngressController.Controller;
using AwsIntegrations.IngressController.Inventory;
using k8s.Models;

namespace AwsIntegrations.IngressController.Tests.Controller;

public class StatusDecisionTests
{
    private const string Alb = "ing-cccccc-aaaaaa-0";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static V1Ingress Ingress(string? statusHostname = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "shop", NamespaceProperty = "web" },
        Status = statusHostname is null ? null : new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = [new V1IngressLoadBalancerIngress { Hostname = statusHostname }] } },
    };

    private static AwsInventory Inventory(string state, DateTimeOffset? created = null)
    {
        var inventory = new AwsInventory();
        inventory.Albs[Alb] = new AlbState { Name = Alb, Arn = "arn:lb", DnsName = "Shop-LB.example", State = state, CreatedTime = created ?? Now.AddHours(-1) };
        return inventory;
    }

    [Fact]
    public void For_ActiveLoadBalancer_SetsItsLowerCasedName()
    {
        StatusDecision.For(Ingress(), Alb, Inventory("active"), TimeSpan.Zero, Now).Should().Be(StatusAction.Set("shop-lb.example"));
    }

    [Fact]
    public void For_ProvisioningLoadBalancer_WaitsForTheNextStateRead()
    {
        StatusDecision.For(Ingress(), Alb, Inventory("provisioning"), TimeSpan.Zero, Now).Should().Be(StatusAction.Wait(AwsView.ProvisioningPoll));
    }

    [Fact]
    public void For_LoadBalancerYoungerThanMinAge_WaitsForTheRest()
    {
        StatusDecision.For(Ingress(), Alb, Inventory("active", Now.AddMinutes(-1)), TimeSpan.FromMinutes(3), Now).Should().Be(StatusAction.Wait(TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void For_FailedLoadBalancer_LeavesTheStatus()
    {
        StatusDecision.For(Ingress("shop-lb.example"), Alb, Inventory("failed"), TimeSpan.Zero, Now).Should().Be(StatusAction.Keep);
    }

    [Fact]
    public void For_IngressNotOurs_ClearsOnlyAStatusNamingOneOfOurLoadBalancers()
    {
        StatusDecision.For(Ingress("shop-lb.example"), null, Inventory("active"), TimeSpan.Zero, Now).Should().Be(StatusAction.Clear);
        StatusDecision.For(Ingress("someone-else.example"), null, Inventory("active"), TimeSpan.Zero, Now).Should().Be(StatusAction.Keep);
        StatusDecision.For(Ingress(), null, Inventory("active"), TimeSpan.Zero, Now).Should().Be(StatusAction.Keep);
    }
}

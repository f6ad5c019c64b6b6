namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>features/load_balancing.feature, Background.</summary>
public sealed class LoadBalancingBackground : FeatureBackground
{
    protected override int Subnet => 2;

    protected override async Task ArrangeAsync()
    {
        // Given an Ingress resource named "load-balancing" with this spec:
        await Cluster.AnIngressResourceNamedAsync(Namespace, "load-balancing", """
            defaultBackend:
              service:
                name: echo-service
                port:
                  number: 8080
            """);
        // Then The Ingress status shows the IP address or FQDN where it is exposed
        await Cluster.WaitUntilExposedAsync("load-balancing", "");
        // Then The backend deployment "echo-service" for the ingress resource is scaled to 10. The suite waits for 10 ready
        // endpoints and then 60 s for the controller; this waits until the Router's table has the 10 (ten requests in a row
        // reach ten pods under round robin).
        await Cluster.ScaleAsync(Namespace, "load-balancing", "echo-service", 10);
        await AwsIntegrations.Testing.Eventually.HoldsAsync(async () =>
        {
            var pods = new HashSet<string>();
            for (var i = 0; i < 10; i++)
            {
                pods.Add((await Cluster.CaptureRoundTripAsync("GET", "load-balancing", "")).Request.Pod);
            }

            return pods.Count == 10;
        }, "the Router sends to all 10 replicas", TimeSpan.FromSeconds(60));
    }
}

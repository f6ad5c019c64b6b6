namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>features/default_backend.feature, Background.</summary>
public sealed class DefaultBackendBackground : FeatureBackground
{
    protected override int Subnet => 1;

    protected override async Task ArrangeAsync()
    {
        // Given an Ingress resource named "default-backend" with this spec:
        await Cluster.AnIngressResourceNamedAsync(Namespace, "default-backend", """
            defaultBackend:
              service:
                name: echo-service
                port:
                  number: 8080
            """);
        // Then The Ingress status shows the IP address or FQDN where it is exposed
        await Cluster.WaitUntilExposedAsync("my-host", "");
    }
}

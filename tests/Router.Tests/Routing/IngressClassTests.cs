using System.Net;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Options;
using AwsIntegrations.Router.Routing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Routing;

/// <summary>
/// The Router takes the Ingresses the IngressController takes (one shared decision): its --ingress-class by name, an
/// IngressClass whose controller is aws-integrations.io/ingress-controller, and our IngressClass marked the cluster default;
/// another controller's IngressClass is not ours, even when it is the default.
/// </summary>
public sealed class IngressClassTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: default }
        spec: { ports: [{ port: 80 }] }
        """;

    [Fact]
    public void IngressClassOfOurController_UnderAnotherName_IsRouted()
    {
        var result = Build(Class("public", "aws-integrations.io/ingress-controller"), Ingress("by-class", "public.example.com", "public"), Ingress("by-flag", "flag.example.com", "aws-integrations"));

        result.Table.ExactHosts.Keys.Should().BeEquivalentTo("public.example.com", "flag.example.com");
    }

    [Fact]
    public void IngressWithoutClass_OurIngressClassIsTheDefault_IsRouted()
    {
        var result = Build(Class("public", "aws-integrations.io/ingress-controller", isDefault: true), Ingress("classless", "classless.example.com", className: null));

        result.Table.ExactHosts.Keys.Should().BeEquivalentTo("classless.example.com");
    }

    [Fact]
    public void AnotherControllersIngressClass_IsIgnored_EvenAsTheDefault()
    {
        var result = Build(
            Class("nginx", "k8s.io/ingress-nginx", isDefault: true),
            Ingress("nginx", "nginx.example.com", "nginx"),
            Ingress("classless", "classless.example.com", className: null),
            Ingress("ours", "ours.example.com", "aws-integrations"));

        result.Table.ExactHosts.Keys.Should().BeEquivalentTo("ours.example.com");
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task RunningRouter_WatchesIngressClasses_RoutesAnIngressOfOurControllersClass()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var web = await TestBackend.StartAsync("web", "127.0.0.5", FreePort.Next());
        router.Kube.Create("IngressClass", null, YamlDocuments.Parse(Class("public", "aws-integrations.io/ingress-controller")).Single());
        router.Apply(Ingress("web", "web.example.com", "public"));
        router.AddServiceFor("default", "web", web);

        await router.WaitForStatusAsync("web.example.com", "/", HttpStatusCode.OK);
    }

    private static BuildResult Build(params string[] documents) =>
        RouteTableBuilder.Build(
            ClusterStateYaml.Parse(string.Join("\n---\n", [Service, .. documents])),
            new BuildSettings(RouterOptions.DefaultIngressClass, LoadBalancing.RoundRobin, TimeSpan.FromSeconds(60), new EndpointRegistry()));

    private static string Class(string name, string controller, bool isDefault = false) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: {{name}}
          annotations: { "ingressclass.kubernetes.io/is-default-class": "{{(isDefault ? "true" : "false")}}" }
        spec: { controller: {{controller}} }
        """;

    private static string Ingress(string name, string host, string? className) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: { name: {{name}}, namespace: default }
        spec:
          {{(className is null ? "" : "ingressClassName: " + className)}}
          rules:
            - host: {{host}}
              http:
                paths:
                  - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
        """;
}

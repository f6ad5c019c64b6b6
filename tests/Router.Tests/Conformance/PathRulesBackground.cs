namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>features/path_rules.feature, Background.</summary>
public sealed class PathRulesBackground : FeatureBackground
{
    protected override int Subnet => 5;

    protected override async Task ArrangeAsync()
    {
        // Given an Ingress resource in a new random namespace
        await Cluster.AnIngressResourceAsync(Namespace, """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: path-rules
            spec:
              rules:
                - host: "exact-path-rules"
                  http:
                    paths:
                      - path: /foo
                        pathType: Exact
                        backend:
                          service:
                            name: foo-exact
                            port:
                              number: 8080

                - host: "prefix-path-rules"
                  http:
                    paths:
                      - path: /foo
                        pathType: Prefix
                        backend:
                          service:
                            name: foo-prefix
                            port:
                              number: 8080

                      - path: /aaa/bbb
                        pathType: Prefix
                        backend:
                          service:
                            name: aaa-slash-bbb-prefix
                            port:
                              number: 8080

                      - path: /aaa
                        pathType: Prefix
                        backend:
                          service:
                            name: aaa-prefix
                            port:
                              number: 8080

                - host: "mixed-path-rules"
                  http:
                    paths:
                      - path: /foo
                        pathType: Prefix
                        backend:
                          service:
                            name: foo-prefix
                            port:
                              number: 8080

                      - path: /foo
                        pathType: Exact
                        backend:
                          service:
                            name: foo-exact
                            port:
                              number: 8080

                - host: "trailing-slash-path-rules"
                  http:
                    paths:
                      - path: /aaa/bbb/
                        pathType: Prefix
                        backend:
                          service:
                            name: aaa-slash-bbb-slash-prefix
                            port:
                              number: 8080

                      - path: /foo/
                        pathType: Exact
                        backend:
                          service:
                            name: foo-slash-exact
                            port:
                              number: 8080
            """);
        // Then The Ingress status shows the IP address or FQDN where it is exposed
        await Cluster.WaitUntilExposedAsync("trailing-slash-path-rules", "foo/");
    }
}

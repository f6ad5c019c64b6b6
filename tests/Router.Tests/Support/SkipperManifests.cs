namespace AwsIntegrations.Router.Tests.Support;

/// <summary>Documents that many of skipper's golden files share (dataclients/kubernetes/testdata/ingressV1/ingress-data/*.yaml).</summary>
public static class SkipperManifests
{
    /// <summary>Service foo/bar with its port named baz, and its Endpoints (which the harness leaves out for real backends).</summary>
    public const string FooBar = """
        apiVersion: v1
        kind: Service
        metadata:
          namespace: foo
          name: bar
        spec:
          clusterIP: 10.3.190.97
          ports:
          - name: baz
            port: 8181
            protocol: TCP
            targetPort: 8080
          selector:
            application: myapp
          type: ClusterIP
        ---
        apiVersion: v1
        kind: Endpoints
        metadata:
          labels:
            application: myapp
          namespace: foo
          name: bar
        subsets:
        - addresses:
          - ip: 10.2.9.103
          - ip: 10.2.9.104
          ports:
          - name: baz
            port: 8080
            protocol: TCP
        """;

    /// <summary>Service app-svc (port 80), the backend of docs/kubernetes/ingress-usage.md's examples, in the default namespace.</summary>
    public const string AppSvc = """
        apiVersion: v1
        kind: Service
        metadata:
          name: app-svc
        spec:
          ports:
          - port: 80
        """;
}

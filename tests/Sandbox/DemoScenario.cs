namespace AwsIntegrations.Sandbox;

/// <summary>
/// The end-to-end story, set up with kubectl as a user would: a namespace that allows the app-* roles, a pod annotated with
/// the role app-reader, the app behind a Service (its endpoint is the sandbox's own small HTTP server), an Ingress for
/// app.example.org with TLS, two finished Jobs, a failed one, and one that overruns its timeout.
/// </summary>
public static class DemoScenario
{
    public const string Namespace = "demo";
    public const string PodName = "app-7c9d";
    public const string PodIp = "127.0.0.2";
    public const string Role = "app-reader";
    public const string Host = "app." + SandboxEnvironment.Domain;
    public static readonly string[] FinishedJobs = ["report-1", "report-2", "import-failed"];
    public const string OverrunningJob = "stuck-batch";

    public static async Task ApplyAsync(Kubectl kubectl, int backendPort, CancellationToken cancellationToken)
    {
        await kubectl.ApplyAsync($$"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: {{Namespace}}
              annotations:
                iam.amazonaws.com/allowed-roles: '["app-*"]'
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{PodName}}
              namespace: {{Namespace}}
              labels: { app: app }
              annotations:
                iam.amazonaws.com/role: {{Role}}
            spec:
              nodeName: {{ClusterSetup.NodeNames[0]}}
              containers:
                - name: app
                  image: example.org/app:1.0
                  ports: [{ name: http, containerPort: {{backendPort}} }]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: app
              namespace: {{Namespace}}
            spec:
              selector: { app: app }
              ports: [{ name: http, port: 80, targetPort: http }]
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: app-sandbox
              namespace: {{Namespace}}
              labels:
                kubernetes.io/service-name: app
                endpointslice.kubernetes.io/managed-by: sandbox
            addressType: IPv4
            ports: [{ name: http, port: {{backendPort}}, protocol: TCP }]
            endpoints:
              - addresses: ["{{BackendApp.Address}}"]
                conditions: { ready: true, serving: true, terminating: false }
                nodeName: {{ClusterSetup.NodeNames[0]}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: app
              namespace: {{Namespace}}
            spec:
              ingressClassName: aws-integrations
              tls: [{ hosts: ["{{Host}}"] }]
              rules:
                - host: {{Host}}
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend: { service: { name: app, port: { name: http } } }
            """, cancellationToken);
        await kubectl.PatchStatusAsync("pod", Namespace, PodName, $$$"""
            {"status":{"phase":"Running","podIP":"{{{PodIp}}}","podIPs":[{"ip":"{{{PodIp}}}"}],"hostIP":"127.0.0.1","startTime":"{{{ClusterSetup.Now()}}}",
             "conditions":[{"type":"Ready","status":"True"},{"type":"ContainersReady","status":"True"}]}}
            """, cancellationToken);

        var twoHours = TimeSpan.FromHours(2);
        foreach (var job in FinishedJobs.Append(OverrunningJob))
        {
            await kubectl.ApplyAsync($$"""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: {{job}}
                  namespace: {{Namespace}}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{ name: main, image: example.org/batch:1.0 }]
                """, cancellationToken);
            var status = job switch
            {
                OverrunningJob => $$$"""{"status":{"startTime":"{{{ClusterSetup.Ago(twoHours)}}}","active":1}}""",
                "import-failed" => $$$"""{"status":{"startTime":"{{{ClusterSetup.Ago(twoHours + TimeSpan.FromMinutes(5))}}}","failed":1,"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded","lastTransitionTime":"{{{ClusterSetup.Ago(twoHours)}}}"}]}}""",
                _ => $$$"""{"status":{"startTime":"{{{ClusterSetup.Ago(twoHours + TimeSpan.FromMinutes(5))}}}","completionTime":"{{{ClusterSetup.Ago(twoHours)}}}","succeeded":1,"conditions":[{"type":"Complete","status":"True","lastTransitionTime":"{{{ClusterSetup.Ago(twoHours)}}}"}]}}""",
            };
            var uid = await kubectl.GetAsync("job", Namespace, job, "{.metadata.uid}", cancellationToken);
            await kubectl.ApplyAsync($$"""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: {{job}}-pod
                  namespace: {{Namespace}}
                  labels: { job-name: {{job}} }
                  ownerReferences:
                    - { apiVersion: batch/v1, kind: Job, name: {{job}}, uid: {{uid}}, controller: true, blockOwnerDeletion: true }
                spec:
                  nodeName: {{ClusterSetup.NodeNames[1]}}
                  restartPolicy: Never
                  containers: [{ name: main, image: example.org/batch:1.0 }]
                """, cancellationToken);
            var phase = job == OverrunningJob ? "Running" : job == "import-failed" ? "Failed" : "Succeeded";
            await kubectl.PatchStatusAsync("pod", Namespace, job + "-pod", $$$"""{"status":{"phase":"{{{phase}}}"}}""", cancellationToken);

            // Finished (or overrunning) only now, with its pod in place: the JobCleaner may act from this moment on.
            await kubectl.PatchStatusAsync("job", Namespace, job, status, cancellationToken);
        }
    }
}

using System.Text.Json.Nodes;

namespace AwsIntegrations.Kubernetes.Tests.Kubectl;

/// <summary>
/// The imperative `kubectl create …` subcommands: their typed clients send protobuf bodies, and what they ask for is what
/// `kubectl get -o json` shows afterwards.
/// </summary>
public sealed class KubectlCreateTests : EmulatorTest
{
    private const string RichCronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: reports}
        spec:
          schedule: "*/5 * * * *"
          jobTemplate:
            spec:
              backoffLimit: 0
              template:
                metadata: {labels: {app: reports}, annotations: {note: kept}}
                spec:
                  restartPolicy: Never
                  serviceAccountName: reporter
                  automountServiceAccountToken: false
                  terminationGracePeriodSeconds: 0
                  nodeSelector: {kubernetes.io/os: linux}
                  priorityClassName: batch-low
                  imagePullSecrets: [{name: pull}]
                  hostAliases: [{ip: 10.0.0.9, hostnames: [db.local]}]
                  dnsConfig: {nameservers: [10.0.0.10], options: [{name: ndots, value: "2"}]}
                  securityContext: {runAsUser: 0, fsGroup: 2000, seccompProfile: {type: RuntimeDefault}}
                  tolerations: [{key: dedicated, operator: Equal, value: batch, effect: NoExecute, tolerationSeconds: 30}]
                  topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: reports}}}
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms: [{matchExpressions: [{key: node.kubernetes.io/instance-type, operator: In, values: [m5.large, m6i.large]}]}]
                    podAntiAffinity:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 50
                        podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchExpressions: [{key: app, operator: Exists}]}}
                  initContainers:
                  - {name: migrate, image: "migrate:1", args: [--up]}
                  containers:
                  - name: report
                    image: "reports:2.1"
                    imagePullPolicy: IfNotPresent
                    command: [/bin/report]
                    workingDir: /work
                    ports: [{name: http, containerPort: 8080, protocol: TCP}]
                    env:
                    - {name: MODE, value: nightly}
                    - {name: LEVEL, valueFrom: {configMapKeyRef: {name: settings, key: level, optional: true}}}
                    - {name: TOKEN, valueFrom: {secretKeyRef: {name: creds, key: token}}}
                    - {name: NODE, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: spec.nodeName}}}
                    - {name: CPU, valueFrom: {resourceFieldRef: {containerName: report, resource: limits.cpu, divisor: 1m}}}
                    envFrom: [{prefix: CFG_, configMapRef: {name: settings}}, {secretRef: {name: creds, optional: false}}]
                    resources: {limits: {cpu: 500m, memory: 256Mi}, requests: {cpu: 100m, memory: 128Mi}}
                    livenessProbe: {httpGet: {path: /healthz, port: http, httpHeaders: [{name: X-Probe, value: "1"}]}, periodSeconds: 5, failureThreshold: 3}
                    readinessProbe: {tcpSocket: {port: 8080}, initialDelaySeconds: 2}
                    startupProbe: {exec: {command: [cat, /ready]}, periodSeconds: 1}
                    lifecycle: {preStop: {exec: {command: [sleep, "5"]}}}
                    securityContext:
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      runAsNonRoot: true
                      capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}
                    volumeMounts:
                    - {name: config, mountPath: /etc/report, readOnly: true}
                    - {name: scratch, mountPath: /tmp}
                    - {name: token, mountPath: /var/run/token}
                    - {name: info, mountPath: /etc/podinfo, subPath: labels}
                  volumes:
                  - {name: config, configMap: {name: settings, items: [{key: report.yaml, path: report.yaml, mode: 0400}], defaultMode: 0644}}
                  - {name: secret, secret: {secretName: creds, optional: false}}
                  - {name: scratch, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
                  - {name: host, hostPath: {path: /var/log, type: Directory}}
                  - {name: data, persistentVolumeClaim: {claimName: reports-data}}
                  - name: token
                    projected:
                      sources:
                      - serviceAccountToken: {audience: sts.amazonaws.com, expirationSeconds: 86400, path: token}
                      - configMap: {name: ca, items: [{key: ca.crt, path: ca.crt}]}
                  - {name: info, downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}}
        """;

    [Fact]
    public async Task CreateNamespace_IsStoredActive()
    {
        using var kubectl = new Kubectl(Kube);

        (await kubectl.RunAsync("create", "namespace", "team-a")).Should().Be("namespace/team-a created");
        var json = await GetJsonAsync(kubectl, "namespace", "team-a");

        ((string?)json["metadata"]!["name"]).Should().Be("team-a");
        ((string?)json["status"]!["phase"]).Should().Be("Active");
        json["metadata"]!.AsObject().ContainsKey("generateName").Should().BeFalse("empty strings gogo writes are omitempty in JSON");
    }

    [Fact]
    public async Task CreateConfigMapAndSecrets_KeepTheirData_SecretsBase64()
    {
        using var kubectl = new Kubectl(Kube);

        await kubectl.RunAsync("create", "configmap", "settings", "--from-literal=mode=blue", "--from-literal=empty=");
        await kubectl.RunAsync("create", "secret", "generic", "creds", "--from-literal=password=hunter2");
        await kubectl.RunAsync("create", "secret", "docker-registry", "pull", "--docker-server=registry.example.com", "--docker-username=u", "--docker-password=p");
        var configMap = await GetJsonAsync(kubectl, "configmap", "settings");
        var secret = await GetJsonAsync(kubectl, "secret", "creds");
        var pull = await GetJsonAsync(kubectl, "secret", "pull");

        ShouldBeJson(configMap["data"], """{"empty":"","mode":"blue"}""");
        ((string?)secret["data"]!["password"]).Should().Be(Convert.ToBase64String("hunter2"u8));
        ((string?)secret["type"]).Should().Be("Opaque", "the API server defaults a Secret's type");
        ((string?)pull["type"]).Should().Be("kubernetes.io/dockerconfigjson");
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)pull["data"]![".dockerconfigjson"]!)).Should().Contain("registry.example.com");
    }

    [Fact]
    public async Task CreateDeployment_KeepsReplicasAndImage_EvenZeroReplicas()
    {
        using var kubectl = new Kubectl(Kube);

        await kubectl.RunAsync("create", "deployment", "web", "--image=nginx:1.27", "--replicas=3", "--port=8080");
        await kubectl.RunAsync("create", "deployment", "idle", "--image=busybox", "--replicas=0");
        var web = await GetJsonAsync(kubectl, "deployment", "web");
        var idle = await GetJsonAsync(kubectl, "deployment", "idle");

        ((int?)web["spec"]!["replicas"]).Should().Be(3);
        ((string?)web["spec"]!["selector"]!["matchLabels"]!["app"]).Should().Be("web");
        var container = web["spec"]!["template"]!["spec"]!["containers"]![0]!;
        ((string?)container["image"]).Should().Be("nginx:1.27");
        ((int?)container["ports"]![0]!["containerPort"]).Should().Be(8080);
        ((int?)idle["spec"]!["replicas"]).Should().Be(0, "replicas is a pointer field: a zero that was sent is kept");
    }

    [Fact]
    public async Task CreateServiceAccountAndClusterIpService_AreStored()
    {
        using var kubectl = new Kubectl(Kube);

        await kubectl.RunAsync("create", "serviceaccount", "builder");
        await kubectl.RunAsync("create", "service", "clusterip", "api", "--tcp=80:8080");
        var account = await GetJsonAsync(kubectl, "serviceaccount", "builder");
        var service = await GetJsonAsync(kubectl, "service", "api");

        ((string?)account["metadata"]!["name"]).Should().Be("builder");
        ((string?)service["spec"]!["type"]).Should().Be("ClusterIP");
        ShouldBeJson(service["spec"]!["ports"]![0], """{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080}""");
        ((string?)service["spec"]!["selector"]!["app"]).Should().Be("api");
    }

    [Fact]
    public async Task CreateJobCronJobAndJobFromCronJob_CopyTheFullPodTemplate()
    {
        using var kubectl = new Kubectl(Kube);

        await kubectl.RunAsync("create", "job", "once", "--image=busybox", "--", "echo", "hi");
        await kubectl.RunAsync("create", "cronjob", "nightly", "--image=busybox", "--schedule=0 3 * * *", "--restart=Never", "--", "date");
        await kubectl.RunAsync("create", "job", "manual", "--from=cronjob/nightly");
        var once = await GetJsonAsync(kubectl, "job", "once");
        var nightly = await GetJsonAsync(kubectl, "cronjob", "nightly");
        var manual = await GetJsonAsync(kubectl, "job", "manual");

        once["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]!.AsArray().Select(c => (string?)c).Should().Equal("echo", "hi");
        ((string?)nightly["spec"]!["schedule"]).Should().Be("0 3 * * *");
        ((string?)nightly["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["restartPolicy"]).Should().Be("Never");
        ((string?)manual["metadata"]!["annotations"]!["cronjob.kubernetes.io/instantiate"]).Should().Be("manual");
        var owner = manual["metadata"]!["ownerReferences"]![0]!;
        ((string?)owner["uid"]).Should().Be((string?)nightly["metadata"]!["uid"]);
        ((bool?)owner["controller"]).Should().BeTrue();
        manual["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]!.AsArray().Select(c => (string?)c).Should().Equal("date");
    }

    [Fact]
    public async Task CreateJobFromCronJob_WithARichPodTemplate_CopiesEveryFieldFaithfully()
    {
        using var kubectl = new Kubectl(Kube);
        await kubectl.RunAsync("apply", "-f", kubectl.WriteManifest("cronjob.yaml", RichCronJob));

        await kubectl.RunAsync("create", "job", "by-hand", "--from=cronjob/reports");
        var cronJob = await GetJsonAsync(kubectl, "cronjob", "reports");
        var job = await GetJsonAsync(kubectl, "job", "by-hand");

        var template = cronJob["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!;
        var expected = template.DeepClone();
        expected["initContainers"]![0]!["resources"] = new JsonObject(); // Go writes a non-pointer struct even when empty
        ShouldBeJson(job["spec"]!["template"]!["spec"], expected.ToJsonString());
        ((int?)job["spec"]!["backoffLimit"]).Should().Be(0);
        ((int?)template["securityContext"]!["runAsUser"]).Should().Be(0, "a pointer zero survives the protobuf trip");
        ((bool?)template["automountServiceAccountToken"]).Should().BeFalse();
    }

    [Fact]
    public async Task CreateIngress_KeepsRulesBackendsAndClass()
    {
        using var kubectl = new Kubectl(Kube);

        await kubectl.RunAsync("create", "ingress", "web", "--class=alb", "--rule=web.example.com/api*=api:8080", "--rule=web.example.com/=web:http");
        var ingress = await GetJsonAsync(kubectl, "ingress", "web");

        ((string?)ingress["spec"]!["ingressClassName"]).Should().Be("alb");
        var paths = ingress["spec"]!["rules"]![0]!["http"]!["paths"]!.AsArray();
        ((string?)ingress["spec"]!["rules"]![0]!["host"]).Should().Be("web.example.com");
        ShouldBeJson(paths, """
            [{"path":"/api","pathType":"Prefix","backend":{"service":{"name":"api","port":{"number":8080}}}},
             {"path":"/","pathType":"Exact","backend":{"service":{"name":"web","port":{"name":"http"}}}}]
            """);
    }

    [Fact]
    public async Task CreateRolesAndBindings_KeepRulesSubjectsAndRoleRefs()
    {
        using var kubectl = new Kubectl(Kube);

        await kubectl.RunAsync("create", "role", "reader", "--verb=get,list", "--resource=pods,deployments.apps");
        await kubectl.RunAsync("create", "rolebinding", "reader", "--role=reader", "--serviceaccount=default:builder");
        await kubectl.RunAsync("create", "clusterrole", "node-reader", "--verb=get", "--resource=nodes", "--resource-name=node-1");
        await kubectl.RunAsync("create", "clusterrolebinding", "node-reader", "--clusterrole=node-reader", "--user=alice", "--group=ops");
        var role = await GetJsonAsync(kubectl, "role", "reader");
        var binding = await GetJsonAsync(kubectl, "rolebinding", "reader");
        var clusterRole = await GetJsonAsync(kubectl, "clusterrole", "node-reader");
        var clusterBinding = await GetJsonAsync(kubectl, "clusterrolebinding", "node-reader");

        ShouldBeJson(role["rules"], """[{"verbs":["get","list"],"apiGroups":[""],"resources":["pods"]},{"verbs":["get","list"],"apiGroups":["apps"],"resources":["deployments"]}]""");
        ShouldBeJson(binding["subjects"], """[{"kind":"ServiceAccount","name":"builder","namespace":"default"}]""");
        ShouldBeJson(binding["roleRef"], """{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reader"}""");
        clusterRole["rules"]![0]!["resourceNames"]!.AsArray().Select(n => (string?)n).Should().Equal("node-1");
        clusterBinding["subjects"]!.AsArray().Select(s => $"{s!["kind"]}:{s["name"]}").Should().Equal("User:alice", "Group:ops");
    }

    [Fact]
    public async Task CreatePodDisruptionBudget_KeepsIntOrStringAsSent()
    {
        using var kubectl = new Kubectl(Kube);

        await kubectl.RunAsync("create", "poddisruptionbudget", "half", "--selector=app=web", "--min-available=50%");
        await kubectl.RunAsync("create", "pdb", "one", "--selector=app=web", "--max-unavailable=1");
        var half = await GetJsonAsync(kubectl, "pdb", "half");
        var one = await GetJsonAsync(kubectl, "pdb", "one");

        half["spec"]!["minAvailable"]!.ToJsonString().Should().Be("\"50%\"");
        one["spec"]!["maxUnavailable"]!.ToJsonString().Should().Be("1");
        ((string?)one["spec"]!["selector"]!["matchLabels"]!["app"]).Should().Be("web");
    }

    /// <summary>kubectl prints keys sorted; what counts is the same JSON, not the same order.</summary>
    private static void ShouldBeJson(JsonNode? actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue($"{actual?.ToJsonString()} should be {expected}");

    private static async Task<JsonObject> GetJsonAsync(Kubectl kubectl, string resource, string name) =>
        JsonNode.Parse(await kubectl.RunAsync("get", resource, name, "-o", "json"))!.AsObject();
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>
/// The conformance suite's steps (kubernetes-sigs/ingress-controller-conformance test/kubernetes/*.go, test/http/http.go) against
/// the Router: the Kubernetes emulator, a Router process, and for every Service an Ingress names, the suite's echo Deployment as
/// loopback pods (test/kubernetes/deployment.go NewEchoDeployment) with the Service it creates and the EndpointSlice the
/// EndpointSlice controller would write for its ready pods. The suite is run as a user runs it against this controller:
/// <c>ingress-controller-conformance -ingress-class=aws-integrations</c>, with the IngressClass deploy/ and the sandbox create.
/// </summary>
public sealed class ConformanceCluster : IAsyncDisposable
{
    public const string IngressClassValue = "aws-integrations";

    private readonly Dictionary<string, Deployment> _deployments = [];
    private readonly int _subnet;
    private readonly HttpClient _client;
    private int _nextAddress;

    private ConformanceCluster(RouterHarness router, int subnet)
    {
        Router = router;
        _subnet = subnet;
        // test/http/http.go CaptureRoundTrip: Go's transport with DisableCompression, no redirects followed, a 10 s timeout.
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Go-http-client", "1.1"));
    }

    public RouterHarness Router { get; }

    /// <summary>A Router and the IngressClass of its class; pods get addresses 127.24.<paramref name="subnet"/>.x.</summary>
    public static async Task<ConformanceCluster> StartAsync(int subnet)
    {
        var router = await RouterHarness.StartAsync();
        router.Kube.Create("IngressClass", null, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = IngressClassValue },
            ["spec"] = new JsonObject { ["controller"] = "aws-integrations.io/ingress-controller" },
        });
        return new ConformanceCluster(router, subnet);
    }

    /// <summary>"a new random namespace" (NewNamespace: generateName ingress-conformance-, labelled app.kubernetes.io/name).</summary>
    public string NewRandomNamespace()
    {
        var created = Router.Kube.Create("Namespace", null, new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["generateName"] = "ingress-conformance-",
                ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "ingress-conformance" },
            },
        });
        return created["metadata"]!["name"]!.GetValue<string>();
    }

    /// <summary>"an Ingress resource" (IngressFromManifest, DeploymentsFromIngress, NewIngress): the manifest in the namespace.</summary>
    public Task AnIngressResourceAsync(string ns, string manifest) => CreateAsync(ns, YamlDocuments.Parse(manifest).Single());

    /// <summary>"an Ingress resource named … with this spec" (IngressFromSpec).</summary>
    public Task AnIngressResourceNamedAsync(string ns, string name, string spec) =>
        CreateAsync(ns, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name }, ["spec"] = YamlDocuments.Parse(spec).Single() });

    /// <summary>"The backend deployment … for the ingress resource is scaled to N" (ScaleIngressBackendDeployment).</summary>
    public async Task ScaleAsync(string ns, string ingress, string service, int replicas)
    {
        var deployment = _deployments[$"{ns}/{ingress}-{service}"];
        while (deployment.Pods.Count < replicas)
        {
            deployment.Pods.Add(await StartPodAsync(ns, ingress, service, deployment));
        }

        WriteEndpoints(ns, service, deployment);
    }

    /// <summary>
    /// "The Ingress status shows the IP address or FQDN where it is exposed": the status is the IngressController's to write (the
    /// ALB's name); the Router's part is to serve the Ingress, so this waits until a request for it reaches a pod.
    /// </summary>
    public Task WaitUntilExposedAsync(string hostname, string path) =>
        Eventually.HoldsAsync(async () => (await CaptureRoundTripAsync("GET", hostname, path)).Response.StatusCode == 200,
            $"the Router serves http://{hostname}/{path}", TimeSpan.FromSeconds(60));

    /// <summary>
    /// test/http/http.go CaptureRoundTrip: <paramref name="method"/> to http://&lt;router&gt;/&lt;path&gt; with Host
    /// <paramref name="hostname"/> (none given: the Router's address), redirects followed to the Router again; the echo's JSON
    /// answer is the captured request.
    /// </summary>
    public async Task<(CapturedRequest Request, CapturedResponse Response)> CaptureRoundTripAsync(string method, string hostname, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"http://127.0.0.1:{Router.Port}/{path.TrimStart('/')}");
        if (hostname.Length > 0)
        {
            request.Headers.Host = hostname;
        }

        using var response = await _client.SendAsync(request);
        if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
        {
            return await CaptureRoundTripAsync(method, location.IsAbsoluteUri ? location.Host : hostname, location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        }

        var body = await response.Content.ReadAsStringAsync();
        var captured = IsJsonObject(body) ? JsonSerializer.Deserialize<CapturedRequest>(body)! : new CapturedRequest();
        var headers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            headers[name] = [.. values];
        }

        return (captured, new CapturedResponse((int)response.StatusCode, $"HTTP/{response.Version.Major}.{response.Version.Minor}", headers));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Router.DisposeAsync();
        foreach (var pod in _deployments.Values.SelectMany(d => d.Pods))
        {
            await pod.DisposeAsync();
        }
    }

    private async Task CreateAsync(string ns, JsonObject ingress)
    {
        ingress["metadata"]!["namespace"] = ns;
        var spec = (JsonObject)ingress["spec"]!;
        spec["ingressClassName"] ??= IngressClassValue;
        var name = ingress["metadata"]!["name"]!.GetValue<string>();
        foreach (var backend in Backends(spec))
        {
            await NewEchoDeploymentAsync(ns, name, backend["name"]!.GetValue<string>(), backend["port"]?["name"]?.GetValue<string>(),
                backend["port"]?["number"]?.GetValue<long>() ?? 0);
        }

        Router.Kube.Create("Ingress", ns, ingress);
    }

    private static IEnumerable<JsonObject> Backends(JsonObject spec)
    {
        if (spec["defaultBackend"]?["service"] is JsonObject defaultBackend)
        {
            yield return defaultBackend;
        }

        foreach (var rule in spec["rules"]?.AsArray() ?? [])
        {
            foreach (var path in rule?["http"]?["paths"]?.AsArray() ?? [])
            {
                yield return (JsonObject)path!["backend"]!["service"]!;
            }
        }
    }

    /// <summary>
    /// NewEchoDeployment: once per Ingress and Service, one replica, its Service (type NodePort, the Ingress's port number or 8080,
    /// the port named as the Ingress names it). The pods listen on a free port rather than the image's 3000, so the Service's
    /// targetPort is that port.
    /// </summary>
    private async Task NewEchoDeploymentAsync(string ns, string ingress, string service, string? portName, long portNumber)
    {
        var key = $"{ns}/{ingress}-{service}";
        if (_deployments.ContainsKey(key))
        {
            return;
        }

        var deployment = new Deployment($"{ingress}-{service}", FreePort.Next(), portName);
        _deployments[key] = deployment;
        deployment.Pods.Add(await StartPodAsync(ns, ingress, service, deployment));
        var port = new JsonObject { ["port"] = portNumber == 0 ? 8080 : portNumber, ["targetPort"] = deployment.ContainerPort };
        if (!string.IsNullOrEmpty(portName))
        {
            port["name"] = portName;
        }

        Router.Kube.Create("Service", ns, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = service },
            ["spec"] = new JsonObject
            {
                ["type"] = "NodePort",
                ["selector"] = new JsonObject { ["app"] = deployment.Name },
                ["ports"] = new JsonArray(port),
            },
        });
        WriteEndpoints(ns, service, deployment);
    }

    private async Task<EchoServer> StartPodAsync(string ns, string ingress, string service, Deployment deployment)
    {
        var address = ++_nextAddress;
        var pod = $"{deployment.Name}-7d4b9c8f5-{address.ToString("x5", CultureInfo.InvariantCulture)}";
        return await EchoServer.StartAsync($"127.24.{_subnet}.{address}", deployment.ContainerPort, ns, ingress, service, pod);
    }

    private void WriteEndpoints(string ns, string service, Deployment deployment) =>
        Router.SetEndpoints(ns, service, deployment.ContainerPort, deployment.PortName, [.. deployment.Pods.Select(p => EndpointSpec.ReadyAt(p.Ip))]);

    private static bool IsJsonObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record Deployment(string Name, int ContainerPort, string? PortName)
    {
        public List<EchoServer> Pods { get; } = [];
    }
}

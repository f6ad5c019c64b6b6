using System.Net;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Router.Tests.Support;

/// <summary>
/// The Kubernetes emulator and the Router as a real child process configured only by its flags and a kubeconfig, plus helpers
/// that write Services, EndpointSlices and Ingresses the way the cluster's controllers would.
/// </summary>
public sealed class RouterHarness : IAsyncDisposable
{
    private readonly string _dir;

    private RouterHarness(KubernetesEmulator kube, ChildProcess process, string dir, int port, int metricsPort)
    {
        Kube = kube;
        Process = process;
        _dir = dir;
        Port = port;
        MetricsPort = metricsPort;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public KubernetesEmulator Kube { get; }

    public ChildProcess Process { get; }

    public int Port { get; }

    public int MetricsPort { get; }

    /// <summary>Sends to the Router's traffic port.</summary>
    public HttpClient Client { get; }

    public static Task<RouterHarness> StartAsync(params string[] extraArgs) => StartAsync(TimeSpan.FromSeconds(1), extraArgs);

    public static async Task<RouterHarness> StartAsync(TimeSpan shutdownDelay, params string[] extraArgs)
    {
        var kube = await KubernetesEmulator.StartAsync(0);
        var dir = Directory.CreateTempSubdirectory("router-test-").FullName;
        var kubeconfig = kube.WriteKubeconfig(Path.Combine(dir, "kubeconfig"));
        var port = FreePort.Next();
        var metricsPort = FreePort.Next();
        var process = ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "Router.dll"),
        [
            "--kubeconfig", kubeconfig, "--address", "127.0.0.1", "--port", port.ToString(), "--metrics-address", "127.0.0.1",
            "--metrics-port", metricsPort.ToString(), "--shutdown-delay", $"{shutdownDelay.TotalMilliseconds}ms", "--log-format", "text", .. extraArgs,
        ]);
        var harness = new RouterHarness(kube, process, dir, port, metricsPort);
        await process.WaitUntilReadyAsync(metricsPort);
        return harness;
    }

    public async Task<string> MetricsAsync() => await Client.GetStringAsync($"http://127.0.0.1:{MetricsPort}/metrics");

    public void AddService(string ns, string name, int port = 80, string? portName = null)
    {
        EnsureNamespace(ns);
        Kube.Create("Service", ns, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = port, ["name"] = portName }) },
        });
    }

    /// <summary>Creates or replaces the Service's one EndpointSlice.</summary>
    public void SetEndpoints(string ns, string service, int port, params EndpointSpec[] endpoints) => SetEndpoints(ns, service, port, null, endpoints);

    /// <summary>Creates or replaces the Service's one EndpointSlice, its port named as the Service port it serves.</summary>
    public void SetEndpoints(string ns, string service, int port, string? portName, params EndpointSpec[] endpoints)
    {
        EnsureNamespace(ns);
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = service + "-slice", ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = service } },
            ["addressType"] = "IPv4",
            ["ports"] = new JsonArray(new JsonObject { ["port"] = port, ["name"] = portName }),
            ["endpoints"] = new JsonArray([.. endpoints.Select(e => new JsonObject
            {
                ["addresses"] = new JsonArray(e.Ip),
                ["conditions"] = new JsonObject { ["ready"] = e.Ready, ["serving"] = e.Serving, ["terminating"] = e.Terminating },
            })]),
        };
        var definition = Kube.Store.Definition("EndpointSlice");
        if (Kube.Store.Get(definition, ns, service + "-slice") is null)
        {
            Kube.Create("EndpointSlice", ns, body);
        }
        else
        {
            Kube.Store.Update(definition, ns, service + "-slice", existing =>
            {
                existing["ports"] = body["ports"]!.DeepClone();
                existing["endpoints"] = body["endpoints"]!.DeepClone();
                return existing;
            }, status: false);
        }
    }

    /// <summary>
    /// Creates the Ingresses and Services of a manifest as written (skipper's examples and golden files), in their namespaces.
    /// An Ingress without a class gets ours: skipper routes Ingresses without one, the Router only its own class. Endpoints
    /// documents are left out: tests point EndpointSlices at their own backends.
    /// </summary>
    public void Apply(params string[] manifests)
    {
        foreach (var document in manifests.SelectMany(YamlDocuments.Parse))
        {
            var kind = document["kind"]!.GetValue<string>();
            var ns = document["metadata"]?["namespace"]?.GetValue<string>() ?? "default";
            if (kind == "Endpoints")
            {
                continue;
            }

            if (kind == "Ingress" && document["spec"] is JsonObject spec && spec["ingressClassName"] is null)
            {
                spec["ingressClassName"] = "aws-integrations";
            }

            EnsureNamespace(ns);
            Kube.Create(kind, ns, document);
        }
    }

    public void EnsureNamespace(string ns)
    {
        if (Kube.Get("Namespace", null, ns) is null)
        {
            Kube.Create("Namespace", null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }
    }

    public void AddIngress(string ns, string name, string? host, string path, string service, IDictionary<string, string>? annotations = null, string pathType = "Prefix")
    {
        var rule = new JsonObject
        {
            ["http"] = new JsonObject
            {
                ["paths"] = new JsonArray(new JsonObject
                {
                    ["path"] = path,
                    ["pathType"] = pathType,
                    ["backend"] = new JsonObject { ["service"] = new JsonObject { ["name"] = service, ["port"] = new JsonObject { ["number"] = 80 } } },
                }),
            },
        };
        if (host is not null)
        {
            rule["host"] = host;
        }

        var metadata = new JsonObject { ["name"] = name };
        if (annotations is not null)
        {
            metadata["annotations"] = new JsonObject([.. annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]);
        }

        Kube.Create("Ingress", ns, new JsonObject
        {
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["ingressClassName"] = "aws-integrations", ["rules"] = new JsonArray(rule) },
        });
    }

    /// <summary>A Service on port 80 whose endpoints are the given backends.</summary>
    public void AddServiceFor(string ns, string service, params TestBackend[] backends)
    {
        AddService(ns, service);
        SetEndpoints(ns, service, backends[0].Port, [.. backends.Select(b => EndpointSpec.ReadyAt(b.Ip))]);
    }

    public HttpRequestMessage Get(string host, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return request;
    }

    /// <summary>Waits until a request for host+path gets the status (the route table caught up with the watch events).</summary>
    public Task WaitForStatusAsync(string host, string path, HttpStatusCode status) => WaitForStatusAsync(() => Get(host, path), status);

    /// <summary>Waits until a request (made anew for each try) gets the status.</summary>
    public Task WaitForStatusAsync(Func<HttpRequestMessage> request, HttpStatusCode status)
    {
        var sample = request();
        return Eventually.HoldsAsync(async () =>
        {
            using var response = await Client.SendAsync(request());
            return response.StatusCode == status;
        }, $"{sample.Method} {sample.Headers.Host}{sample.RequestUri} answers {(int)status}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Process.DisposeAsync();
        await Kube.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}

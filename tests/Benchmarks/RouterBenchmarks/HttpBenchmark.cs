using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Router.Benchmarks;

/// <summary>
/// One Kestrel backend; the Router (child process, routes from the emulator) and nginx (reverse proxy with upstream keep-alive)
/// in front of it; wrk against each side, alternating, several rounds; medians and the Router/nginx ratio.
/// </summary>
public static class HttpBenchmark
{
    private const string Host = "bench.example.com";

    public static async Task RunAsync(string[] args)
    {
        var duration = Arg(args, "--duration", "10s");
        var rounds = int.Parse(Arg(args, "--rounds", "3"));
        var connections = Arg(args, "--connections", "64");
        var dir = Directory.CreateTempSubdirectory("router-bench-").FullName;

        var backendPort = FreePort.Next();
        await using var backend = await StartBackendAsync(backendPort);
        await using var kube = await KubernetesEmulator.StartAsync(0);
        Seed(kube, backendPort);
        var routerPort = FreePort.Next();
        await using var router = ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "Router.dll"),
        [
            "--kubeconfig", kube.WriteKubeconfig(Path.Combine(dir, "kubeconfig")), "--address", "127.0.0.1", "--port", routerPort.ToString(),
            "--metrics-address", "127.0.0.1", "--metrics-port", FreePort.Next().ToString(), "--log-level", "warning", "--shutdown-delay", "0s",
        ]);
        var nginxPort = FreePort.Next();
        await using var nginx = StartNginx(dir, nginxPort, backendPort);
        await WaitForOkAsync(routerPort, router);
        await WaitForOkAsync(nginxPort, nginx);

        Console.WriteLine($"wrk -t2 -c{connections} -d{duration} --latency, {rounds} rounds alternating, after a 3 s warm-up each; backend: Kestrel, 2-byte body; machine: {Environment.ProcessorCount} cores shared by all processes");
        await WrkAsync(routerPort, "3s", connections);
        await WrkAsync(nginxPort, "3s", connections);
        var routerResults = new List<WrkResult>();
        var nginxResults = new List<WrkResult>();
        for (var round = 0; round < rounds; round++)
        {
            var routerFirst = round % 2 == 0;
            foreach (var side in routerFirst ? new[] { "router", "nginx" } : ["nginx", "router"])
            {
                var result = await WrkAsync(side == "router" ? routerPort : nginxPort, duration, connections);
                (side == "router" ? routerResults : nginxResults).Add(result);
                Console.WriteLine($"  round {round + 1} {side,-6}: {result.RequestsPerSecond,9:F0} req/s  p50 {result.P50Ms:F2} ms  p99 {result.P99Ms:F2} ms  non-2xx {result.Non2xx}");
            }
        }

        var r = Summary(routerResults);
        var n = Summary(nginxResults);
        Console.WriteLine();
        Console.WriteLine("| side | req/s (median) | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| Router | {r.Rps:F0} | {r.P50:F2} | {r.P99:F2} |");
        Console.WriteLine($"| nginx | {n.Rps:F0} | {n.P50:F2} | {n.P99:F2} |");
        Console.WriteLine($"| Router/nginx | {r.Rps / n.Rps:F2} | {r.P50 / n.P50:F2} | {r.P99 / n.P99:F2} |");
        await RouteChangeLatencyAsync(kube, routerPort);
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Time from writing a new Ingress into the API server to the first request the Router routes with it (watch + rebuild + swap).</summary>
    private static async Task RouteChangeLatencyAsync(KubernetesEmulator kube, int routerPort)
    {
        using var client = new HttpClient();
        var samples = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var host = $"new-{i}.example.com";
            var clock = Stopwatch.StartNew();
            kube.Create("Ingress", "default", JsonNode.Parse("""
                {"metadata":{"name":"NAME"},"spec":{"ingressClassName":"aws-integrations","rules":[{"host":"HOST","http":{"paths":[
                 {"path":"/","pathType":"Prefix","backend":{"service":{"name":"bench","port":{"number":80}}}}]}}]}}
                """.Replace("NAME", $"new-{i}", StringComparison.Ordinal).Replace("HOST", host, StringComparison.Ordinal))!.AsObject());
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{routerPort}/");
                request.Headers.Host = host;
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }

            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine();
        Console.WriteLine($"Route change (Ingress created → first request routed by it), 15 samples: median {TableBenchmark.Median(samples):F1} ms, max {samples.Max():F1} ms");
    }

    private static (double Rps, double P50, double P99) Summary(List<WrkResult> results) =>
        (TableBenchmark.Median([.. results.Select(x => x.RequestsPerSecond)]), TableBenchmark.Median([.. results.Select(x => x.P50Ms)]), TableBenchmark.Median([.. results.Select(x => x.P99Ms)]));

    private static async Task<WebApplication> StartBackendAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var body = "ok"u8.ToArray();
        app.Run(context =>
        {
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        await app.StartAsync();
        return app;
    }

    private static void Seed(KubernetesEmulator kube, int backendPort)
    {
        kube.Create("Service", "default", JsonNode.Parse("""{"metadata":{"name":"bench"},"spec":{"ports":[{"port":80}]}}""")!.AsObject());
        kube.Create("EndpointSlice", "default", JsonNode.Parse($$$"""
            {"metadata":{"name":"bench-1","labels":{"kubernetes.io/service-name":"bench"}},"addressType":"IPv4","ports":[{"port":{{{backendPort}}}}],
             "endpoints":[{"addresses":["127.0.0.1"],"conditions":{"ready":true,"serving":true,"terminating":false}}]}
            """)!.AsObject());
        kube.Create("Ingress", "default", JsonNode.Parse("""
            {"metadata":{"name":"bench"},"spec":{"ingressClassName":"aws-integrations","rules":[{"host":"HOST","http":{"paths":[
             {"path":"/","pathType":"Prefix","backend":{"service":{"name":"bench","port":{"number":80}}}}]}}]}}
            """.Replace("HOST", Host, StringComparison.Ordinal))!.AsObject());
    }

    private static ChildProcess StartNginx(string dir, int port, int backendPort)
    {
        var conf = Path.Combine(dir, "nginx.conf");
        File.WriteAllText(conf, $$"""
            daemon off;
            worker_processes auto;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{dir}}/body;
              proxy_temp_path {{dir}}/proxy;
              fastcgi_temp_path {{dir}}/fastcgi;
              uwsgi_temp_path {{dir}}/uwsgi;
              scgi_temp_path {{dir}}/scgi;
              upstream backend { server 127.0.0.1:{{backendPort}}; keepalive 128; }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://backend;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                }
              }
            }
            """);
        return ChildProcess.Start("nginx", ["-c", conf, "-p", dir]);
    }

    private static async Task WaitForOkAsync(int port, ChildProcess process)
    {
        using var client = new HttpClient();
        await Eventually.HoldsAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("exited:\n" + process.Output);
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/");
                request.Headers.Host = Host;
                using var response = await client.SendAsync(request);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, $"port {port} proxies to the backend", TimeSpan.FromSeconds(60));
    }

    private static async Task<WrkResult> WrkAsync(int port, string duration, string connections)
    {
        using var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{duration}", "--latency", "-H", $"Host: {Host}", $"http://127.0.0.1:{port}/"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return WrkResult.Parse(output);
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>
/// One pod of the conformance suite's echo Deployment (images/echoserver/echoserver.go): answers every path but /health with the
/// request as it arrived (request target, Host, method, protocol, headers in Go's canonical form without Host) and who answered
/// (namespace, Ingress, Service, pod, from the Deployment's env). Like Go's net/http server it sends Date and Content-Length and
/// no Server header, so a Server header seen by the client is the Router's.
/// </summary>
public sealed class EchoServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentCharacter = ' ', IndentSize = 1 };

    private readonly WebApplication _app;

    private EchoServer(WebApplication app, string ip, int port, string pod)
    {
        _app = app;
        Ip = ip;
        Port = port;
        Pod = pod;
    }

    public string Ip { get; }

    public int Port { get; }

    public string Pod { get; }

    public static async Task<EchoServer> StartAsync(string ip, int port, string ns, string ingress, string service, string pod)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Parse(ip), port);
        });
        var app = builder.Build();
        app.Run(context => context.Request.Path == "/health" ? Health(context) : Echo(context, ns, ingress, service, pod));
        await app.StartAsync();
        return new EchoServer(app, ip, port, pod);
    }

    public async ValueTask DisposeAsync()
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await _app.StopAsync(quick.Token);
        await _app.DisposeAsync();
    }

    private static Task Health(HttpContext context) => context.Response.WriteAsync("OK");

    // echoHandler: RequestAssertions{r.RequestURI, r.Host, r.Method, r.Proto, r.Header, context}, MarshalIndent(…, "", " ").
    private static Task Echo(HttpContext context, string ns, string ingress, string service, string pod)
    {
        var request = context.Request;
        var headers = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                headers[CanonicalKey(name)] = [.. values.Select(v => v ?? "")];
            }
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["path"] = context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            ["host"] = request.Host.Value ?? "",
            ["method"] = request.Method,
            ["proto"] = request.Protocol,
            ["headers"] = headers,
            ["namespace"] = ns,
            ["ingress"] = ingress,
            ["service"] = service,
            ["pod"] = pod,
        }, Indented);
        context.Response.ContentType = "application/json";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>Go's textproto.CanonicalMIMEHeaderKey: the first letter and each letter after a hyphen upper case, the rest lower.</summary>
    private static string CanonicalKey(string name)
    {
        var key = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            key.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = c == '-';
        }

        return key.ToString();
    }
}

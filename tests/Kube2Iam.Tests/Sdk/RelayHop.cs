using System.Net;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Tests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kube2Iam.Tests.Sdk;

/// <summary>
/// Stands in for the DNAT hop between an SDK in a pod and the daemon: the SDK connects from 127.0.0.1, the hop passes
/// the request on from the pod's address (method, path, IMDS headers), so the daemon sees the pod. With
/// <c>refuseTokens</c> it answers token PUTs 403 itself, as an old proxy does, so an SDK falls back to IMDSv1.
/// </summary>
public sealed class RelayHop : IAsyncDisposable
{
    private static readonly string[] ForwardedHeaders = ["X-aws-ec2-metadata-token", "X-aws-ec2-metadata-token-ttl-seconds"];
    private readonly WebApplication _app;

    private RelayHop(WebApplication app, int port)
    {
        _app = app;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public static async Task<RelayHop> StartAsync(int port, string podIp, int daemonPort, bool refuseTokens)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var upstream = PodClient.From(podIp, daemonPort);
        app.Run(async context =>
        {
            if (refuseTokens && HttpMethods.IsPut(context.Request.Method))
            {
                context.Response.StatusCode = 403;
                return;
            }

            // The target byte for byte, as a DNAT hop leaves it (Request.Path would undo any escaping the SDK did).
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, UriKind.Relative));
            foreach (var name in ForwardedHeaders)
            {
                if (context.Request.Headers.TryGetValue(name, out var value))
                {
                    request.Headers.TryAddWithoutValidation(name, value.ToString());
                }
            }

            using var response = await upstream.SendAsync(request);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var name in ForwardedHeaders)
            {
                if (response.Headers.TryGetValues(name, out var values))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await context.Response.WriteAsync(await response.Content.ReadAsStringAsync());
        });
        await app.StartAsync();
        return new RelayHop(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

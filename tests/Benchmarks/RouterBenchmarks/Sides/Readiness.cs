using System.Net;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Benchmarks.Router.Sides;

/// <summary>Waits until a side answers 200 for a Host, failing early with the process's output when it died.</summary>
public static class Readiness
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    public static Task WaitForOkAsync(int port, string host, string path, ChildProcess? process, string what, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(async () =>
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{what} exited:\n{process.Output}");
            }

            return await StatusAsync(port, host, path) == HttpStatusCode.OK;
        }, $"{what} on port {port} answers 200 for {host}{path}", timeout ?? TimeSpan.FromSeconds(60));

    public static async Task<HttpStatusCode?> StatusAsync(int port, string host, string path)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}{path}");
            request.Headers.Host = host;
            using var response = await Client.SendAsync(request);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}

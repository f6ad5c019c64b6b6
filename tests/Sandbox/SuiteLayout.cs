using System.Net;
using System.Net.Sockets;

namespace AwsIntegrations.Sandbox;

/// <summary>Which processes make up the sandbox and how each is configured: only through its real flags and environment.</summary>
public static class SuiteLayout
{
    public static IReadOnlyList<Component> Components()
    {
        var sampleMetrics = FreePort();
        return
        [
            new Component(
                "sample",
                "tests/AwsIntegrations.Hosting.SampleService/AwsIntegrations.Hosting.SampleService.csproj",
                ["--metrics-address", "127.0.0.1", "--metrics-port", $"{sampleMetrics}", "--port", $"{FreePort()}", "--log-format", "json"],
                new Dictionary<string, string>(),
                new Uri($"http://127.0.0.1:{sampleMetrics}/readyz")),
        ];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using AwsIntegrations.Testing;

namespace AwsIntegrations.Hosting.Tests.Lifecycle;

/// <summary>The sample service started as a real child process on free loopback ports.</summary>
internal sealed class SampleServiceProcess : IAsyncDisposable
{
    private SampleServiceProcess(ChildProcess process, int metricsPort, int trafficPort)
    {
        Process = process;
        Management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        Traffic = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{trafficPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public ChildProcess Process { get; }

    public HttpClient Management { get; }

    public HttpClient Traffic { get; }

    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "AwsIntegrations.Hosting.SampleService.dll");

    public static ChildProcess Run(params string[] args) => ChildProcess.StartDotnet(AssemblyPath, args);

    public static async Task<SampleServiceProcess> StartAsync(params string[] extraArgs)
    {
        var metricsPort = FreePort.Next();
        var trafficPort = FreePort.Next();
        var process = Run([
            "--metrics-address", "127.0.0.1", "--metrics-port", $"{metricsPort}", "--port", $"{trafficPort}", .. extraArgs]);
        var service = new SampleServiceProcess(process, metricsPort, trafficPort);
        await process.WaitUntilReadyAsync(metricsPort);
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        Management.Dispose();
        Traffic.Dispose();
        await Process.DisposeAsync();
    }
}

using System.Diagnostics;
using AwsIntegrations.Hosting.SampleService;
using AwsIntegrations.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Hosting.Tests.Lifecycle;

public sealed class RequestOverheadTests
{
    [Theory]
    [InlineData("info", false)]
    [InlineData("warning", false)]
    [InlineData("debug", true)]
    public async Task Request_TracedByAspNetCoreOnlyWhenDebugging(string logLevel, bool traced)
    {
        var options = new SampleOptions { Port = FreePort.Next(), MetricsAddress = "127.0.0.1", MetricsPort = FreePort.Next(), LogLevel = logLevel };
        var seen = new List<bool>();
        await using var app = ServiceHost.Build("sample", options, host => host.Listen(options.Address, options.Port, pipeline => pipeline.Run(context =>
        {
            lock (seen)
            {
                seen.Add(Activity.Current is not null);
            }

            return context.Response.WriteAsync("ok");
        })));
        await app.StartAsync();
        using var client = new HttpClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.GetStringAsync($"http://127.0.0.1:{options.Port}/")).Should().Be("ok");
        }

        await app.StopAsync();
        seen.Should().HaveCount(3).And.AllBeEquivalentTo(traced, "ASP.NET Core starts a request Activity only while its request log is enabled");
    }
}

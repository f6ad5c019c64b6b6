using System.Globalization;
using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.SampleService;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

return await ServiceHost.RunAsync<SampleOptions>("sample", args, host =>
{
    host.Listen(host.Options.Address, host.Options.Port, app => app.Run(async context =>
    {
        var milliseconds = int.TryParse(context.Request.Query["ms"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms : 0;
        // Deliberately not tied to RequestAborted: the test checks that shutdown waits for this request.
        await Task.Delay(milliseconds);
        await context.Response.WriteAsync(host.Options.Greeting);
    }));
});

using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Hosting.SampleService;

public sealed class SampleOptions : ServiceOptions
{
    [Flag("address", "Address the sample traffic port listens on.")]
    public string Address { get; set; } = "127.0.0.1";

    [Flag("port", "Port of the sample traffic endpoint (/work?ms=N answers after N milliseconds).")]
    [FlagRange(1, 65535)]
    public int Port { get; set; } = 8080;

    [Flag("greeting", "Text the /work endpoint answers with.")]
    public string Greeting { get; set; } = "done";
}

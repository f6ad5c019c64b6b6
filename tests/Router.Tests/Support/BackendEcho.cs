namespace AwsIntegrations.Router.Tests.Support;

/// <summary>What a <see cref="TestBackend"/> answers: who it is and what reached it.</summary>
public sealed class BackendEcho
{
    public string Backend { get; set; } = "";

    public string Host { get; set; } = "";

    public string Path { get; set; } = "";

    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>The request body as the backend read it.</summary>
    public string Body { get; set; } = "";
}

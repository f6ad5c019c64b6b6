using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Testing;
using Xunit.Abstractions;

namespace AwsIntegrations.Aws.Tests.Boto3;

/// <summary>
/// Runs one of the boto3 tours (a Python script beside this file) with Debian's boto3, signed with the emulator's own key and
/// no local AWS configuration, and returns the JSON it prints last.
/// </summary>
internal static class Boto3Tour
{
    public static async Task<JsonObject> RunAsync(string script, ITestOutputHelper output, TimeSpan timeout, params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = AwsEmulator.DefaultCredentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = AwsEmulator.DefaultCredentials.SecretAccessKey,
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            ["PYTHONPATH"] = null,
        };
        await using var python = ChildProcess.Start("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Boto3", script), .. args], environment);
        var exit = await python.WaitForExitAsync(timeout);
        output.WriteLine(python.Output);
        exit.Should().Be(0, python.Output);
        return (JsonObject)JsonNode.Parse(python.StandardOutput.Last())!;
    }
}

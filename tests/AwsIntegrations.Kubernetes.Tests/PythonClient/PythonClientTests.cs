using System.Text.Json.Nodes;
using AwsIntegrations.Testing;
using Xunit.Abstractions;

namespace AwsIntegrations.Kubernetes.Tests.PythonClient;

/// <summary>
/// A second official client no one here wrote: the Kubernetes Python client (Debian python3-kubernetes) lists, watches
/// (it sends <c>watch=True</c>), patches, writes status and deletes with propagation against the emulator
/// (PythonClient/python_client_tour.py).
/// </summary>
public sealed class PythonClientTests(ITestOutputHelper output) : EmulatorTest
{
    [Fact]
    public async Task OfficialPythonClient_ListWatchPatchStatusDelete_WorkAsOnAnApiServer()
    {
        var directory = Directory.CreateTempSubdirectory("python-client-");
        var kubeconfig = Kube.WriteKubeconfig(Path.Combine(directory.FullName, "kubeconfig"));
        JsonObject result;
        await using (var python = ChildProcess.Start("/usr/bin/python3",
            [Path.Combine(AppContext.BaseDirectory, "PythonClient", "python_client_tour.py"), kubeconfig],
            new Dictionary<string, string?> { ["PYTHONPATH"] = null, ["HOME"] = directory.FullName }))
        {
            var exit = await python.WaitForExitAsync(TimeSpan.FromSeconds(90));
            output.WriteLine(python.Output);
            exit.Should().Be(0, python.Output);
            result = (JsonObject)JsonNode.Parse(python.StandardOutput.Last())!;
        }

        directory.Delete(recursive: true);

        ((int)result["job_generation"]!).Should().Be(1);
        result["job_managers"]![0]![0]!.GetValue<string>().Should().Be("OpenAPI-Generator", "the API server names the manager after the User-Agent");
        result["pod_generation"].Should().BeNull("pods have a generation only from Kubernetes 1.33");
        ((string)result["pod_manager"]!).Should().Be("OpenAPI-Generator");
        result["listed"]!.AsArray().Select(n => (string)n!).Should().Equal("report-abcde");
        ((bool)result["list_version_is_set"]!).Should().BeTrue();
        ((string)result["patched_annotation"]!).Should().Be("yes");
        ((string)result["status_phase"]!).Should().Be("Succeeded");
        result["status_managers"]!.AsArray().Select(m => $"{m![0]}/{m[1]}").Should().Equal("OpenAPI-Generator/", "OpenAPI-Generator/status");
        ((int)result["job_succeeded"]!).Should().Be(1);
        result["pods_after_delete"]!.AsArray().Should().BeEmpty("Background propagation deleted the Job's pod");
        var events = result["events"]!.AsArray().Select(e => $"{e![0]} {e[1]} {e[2]}").ToList();
        events.Should().Equal("ADDED report-abcde Pending", "MODIFIED report-abcde Pending", "MODIFIED report-abcde Succeeded", "DELETED report-abcde Succeeded");
        ((int)result["read_deleted"]!["status"]!).Should().Be(404);
        ((string)result["read_deleted"]!["reason"]!).Should().Be("NotFound");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>The emulator's process: seeds Jobs and pods across namespaces, says where it listens, serves until stdin closes.</summary>
internal static class EmulatorRole
{
    public static async Task RunAsync(int jobs, int namespaces, int due)
    {
        await using var kube = await KubernetesEmulator.StartAsync(0, new KubernetesEmulatorOptions { HistoryCapacity = 4_000_000 });
        var seeding = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var store = kube.Store;
        var (jobType, podType, nsType) = (store.Definition("Job"), store.Definition("Pod"), store.Definition("Namespace"));
        for (var n = 0; n < namespaces; n++)
        {
            store.Create(nsType, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = Namespace(n) } });
        }

        for (var i = 0; i < jobs; i++)
        {
            var ns = Namespace(i % namespaces);
            var (job, jobStatus) = Seeds.Job(i, jobs, due, now);
            var name = (string)job["metadata"]!["name"]!;
            var uid = store.Create(jobType, ns, job).Uid;
            store.Update(jobType, ns, name, o => Set(o, jobStatus), status: true);
            var finished = jobStatus["active"] is null;
            var finishedAt = finished ? DateTimeOffset.Parse((string)jobStatus["completionTime"]!, CultureInfo.InvariantCulture) : now - TimeSpan.FromMinutes(20);
            var (pod, podStatus) = Seeds.Pod(i, uid, finished, finishedAt);
            store.Create(podType, ns, pod);
            store.Update(podType, ns, (string)pod["metadata"]!["name"]!, o => Set(o, podStatus), status: true);
        }

        Console.WriteLine($"seeded {jobs} Jobs and {jobs} pods in {namespaces} namespaces in {seeding.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"listening {kube.Port}");
        while (Console.ReadLine() is not null)
        {
        }
    }

    private static string Namespace(int n) => $"team-{n:0000}";

    private static JsonObject Set(JsonObject o, JsonObject status)
    {
        o["status"] = status.DeepClone();
        return o;
    }
}

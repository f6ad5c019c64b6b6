using k8s;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.JobCleaner.Cleaning;
using AwsIntegrations.JobCleaner.Metrics;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Testing;

namespace AwsIntegrations.JobCleaner.Tests.Support;

/// <summary>
/// A Kubernetes API emulator seeded with Jobs and pods as the Job controller leaves them, and cleaning passes run against
/// it over HTTP with a manual clock: "an hour later" is <c>Clock.Advance</c>, not a wait.
/// </summary>
public abstract class ClusterTest : IAsyncLifetime
{
    private EventRecorder? _events;

    /// <param name="start">The time seeded objects are dated from: a fixed instant for passes on the manual clock, now for a real service.</param>
    protected ClusterTest(DateTimeOffset? start = null)
    {
        Start = start ?? new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        Clock = new FakeTimeProvider(Start);
    }

    protected DateTimeOffset Start { get; }

    internal KubernetesEmulator Kube { get; private set; } = null!;

    internal KubernetesConnection Connection { get; private set; } = null!;

    internal IKubernetes Client => Connection.Client;

    internal RecordingHandler Http { get; } = new();

    internal FakeTimeProvider Clock { get; }

    internal ListLogger Logs { get; } = new();

    internal EventRecorder Events => _events ??= new EventRecorder(Connection, new EventRecorderOptions("job-cleaner"));

    public async Task InitializeAsync()
    {
        Kube = await KubernetesEmulator.StartAsync(0);
        Connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = Kube.BaseAddress.ToString() }, new KubernetesClientSettings { Qps = 0, Handlers = [Http], RetryBackoff = TimeSpan.FromMilliseconds(10) });
    }

    public async Task DisposeAsync()
    {
        if (_events is not null)
        {
            await _events.DisposeAsync();
        }

        Connection.Dispose();
        await Kube.DisposeAsync();
    }

    internal CleanupPass Pass(CleanerSettings? settings = null) =>
        new(Connection, Events, settings ?? new CleanerSettings(), new JobCleanerMetrics(), Clock, Logs);

    internal void Namespace(string name, Dictionary<string, string>? annotations = null) =>
        Kube.Create("Namespace", null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name, ["annotations"] = Map(annotations) } });

    internal bool Exists(string kind, string ns, string name) => Kube.Get(kind, ns, name) is not null;

    internal string Uid(string kind, string ns, string name) => (string)Kube.Get(kind, ns, name)!["metadata"]!["uid"]!;

    /// <summary>A Job that finished (Complete or Failed condition, as the Job controller writes them) <paramref name="ago"/> before the start.</summary>
    internal string FinishedJob(string ns, string name, TimeSpan ago, bool failed = false, Dictionary<string, string>? annotations = null, Dictionary<string, string>? labels = null, JsonObject? spec = null, JsonObject? owner = null)
    {
        var at = Time(Start - ago);
        var status = failed
            ? new JsonObject { ["failed"] = 1, ["startTime"] = Time(Start - ago - TimeSpan.FromMinutes(3)), ["conditions"] = new JsonArray(Condition("Failed", at)) }
            : new JsonObject { ["succeeded"] = 1, ["startTime"] = Time(Start - ago - TimeSpan.FromMinutes(3)), ["completionTime"] = at, ["conditions"] = new JsonArray(Condition("Complete", at)) };
        return Job(ns, name, status, annotations, labels, spec, owner);
    }

    internal string RunningJob(string ns, string name, TimeSpan ago, Dictionary<string, string>? annotations = null) =>
        Job(ns, name, new JsonObject { ["active"] = 1, ["startTime"] = Time(Start - ago) }, annotations, null, null, null);

    internal string Job(string ns, string name, JsonObject status, Dictionary<string, string>? annotations, Dictionary<string, string>? labels, JsonObject? spec, JsonObject? owner)
    {
        var metadata = new JsonObject { ["name"] = name, ["annotations"] = Map(annotations), ["labels"] = Map(labels) };
        if (owner is not null)
        {
            metadata["ownerReferences"] = new JsonArray(owner);
        }

        var template = JsonNode.Parse("""{"spec":{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}}""");
        var jobSpec = spec ?? new JsonObject();
        jobSpec["template"] = template;
        Kube.Create("Job", ns, new JsonObject { ["metadata"] = metadata, ["spec"] = jobSpec });
        Kube.Store.Update(Kube.Store.Definition("Job"), ns, name, o =>
        {
            o["status"] = status;
            return o;
        }, status: true);
        return Uid("Job", ns, name);
    }

    /// <summary>A pod of a Job (owner reference and the Job controller's labels); finished pods carry their containers' finishedAt.</summary>
    internal void JobPod(string ns, string name, string jobName, string jobUid, string phase, TimeSpan? finishedAgo = null, bool ownerReference = true)
    {
        var metadata = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = jobUid, ["batch.kubernetes.io/job-name"] = jobName },
        };
        if (ownerReference)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "Job", ["name"] = jobName, ["uid"] = jobUid, ["controller"] = true });
        }

        Pod(ns, metadata, phase, finishedAgo, reason: null);
    }

    /// <summary>A pod of another owner (<paramref name="owner"/>: apiVersion, kind, name) or a bare one, as the kubelet leaves it.</summary>
    internal void OtherPod(string ns, string name, string phase, TimeSpan? finishedAgo = null, (string ApiVersion, string Kind, string Name)? owner = null, string? reason = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (owner is { } o)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = o.ApiVersion, ["kind"] = o.Kind, ["name"] = o.Name, ["uid"] = Guid.NewGuid().ToString(), ["controller"] = true });
        }

        Pod(ns, metadata, phase, finishedAgo, reason);
    }

    private void Pod(string ns, JsonObject metadata, string phase, TimeSpan? finishedAgo, string? reason)
    {
        var name = (string)metadata["name"]!;
        Kube.Create("Pod", ns, new JsonObject { ["metadata"] = metadata, ["spec"] = JsonNode.Parse("""{"restartPolicy":"Never","containers":[{"name":"main","image":"busybox"}]}""") });
        var status = new JsonObject { ["phase"] = phase };
        if (reason is not null)
        {
            status["reason"] = reason;
        }

        if (finishedAgo is { } ago)
        {
            status["containerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = "main",
                ["state"] = new JsonObject { ["terminated"] = new JsonObject { ["exitCode"] = phase == "Failed" ? 1 : 0, ["finishedAt"] = Time(Start - ago) } },
            });
        }

        Kube.Store.Update(Kube.Store.Definition("Pod"), ns, name, o =>
        {
            o["status"] = status;
            return o;
        }, status: true);
    }

    private static JsonObject Condition(string type, string at) => new() { ["type"] = type, ["status"] = "True", ["lastTransitionTime"] = at };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Map(Dictionary<string, string>? values) =>
        values is null ? [] : new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value))));
}

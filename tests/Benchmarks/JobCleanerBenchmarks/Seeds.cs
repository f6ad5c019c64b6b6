using System.Globalization;
using System.Text.Json.Nodes;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>
/// Jobs as a busy cluster holds them: <c>due</c> (100 by default) finished two hours ago, 9% running, the rest finished within the hour (kept);
/// each with one pod in the matching phase, owned by its Job, with the Job controller's labels. The number due is fixed
/// because the emulator's delete scans every object for dependents, which would otherwise dominate the bigger runs.
/// </summary>
internal static class Seeds
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static (JsonObject Job, JsonObject Status) Job(int i, int jobs, int due, DateTimeOffset now)
    {
        var name = $"job-{i:000000}";
        var job = JsonNode.Parse($$$"""
            {
              "metadata": {"name": "{{{name}}}", "labels": {"app": "etl-{{{i % 50}}}", "team": "team-{{{i % 17}}}"},
                           "annotations": {"example.com/owner": "data-platform", "example.com/run": "{{{i}}}"} },
              "spec": {"parallelism": 1, "completions": 1, "backoffLimit": 6,
                "template": {"metadata": {"labels": {"app": "etl-{{{i % 50}}}"} },
                  "spec": {"restartPolicy": "Never", "containers": [{"name": "main", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/etl:{{{i % 20}}}",
                    "args": ["--date", "2026-11-21", "--partition", "{{{i % 64}}}"],
                    "env": [{"name": "MODE", "value": "batch"}, {"name": "REGION", "value": "us-east-1"}],
                    "resources": {"requests": {"cpu": "500m", "memory": "512Mi"}, "limits": {"memory": "1Gi"} } }]} } }
            }
            """)!.AsObject();
        var status = (i % Math.Max(1, jobs / Math.Max(1, due))) == 0 ? Finished(now - TimeSpan.FromHours(2))
            : i % 100 >= 91 ? new JsonObject { ["active"] = 1, ["startTime"] = Time(now - TimeSpan.FromMinutes(20)) }
            : Finished(now - TimeSpan.FromMinutes(1 + (i % 50)));
        return (job, status);
    }

    public static (JsonObject Pod, JsonObject Status) Pod(int i, string jobUid, bool finished, DateTimeOffset finishedAt)
    {
        var job = $"job-{i:000000}";
        var pod = JsonNode.Parse($$$"""
            {
              "metadata": {"name": "{{{job}}}-x7k2p",
                           "labels": {"batch.kubernetes.io/controller-uid": "{{{jobUid}}}", "batch.kubernetes.io/job-name": "{{{job}}}", "app": "etl-{{{i % 50}}}"},
                           "ownerReferences": [{"apiVersion": "batch/v1", "kind": "Job", "name": "{{{job}}}", "uid": "{{{jobUid}}}", "controller": true, "blockOwnerDeletion": true}]},
              "spec": {"restartPolicy": "Never", "nodeName": "ip-10-0-{{{i % 200}}}-{{{i % 250}}}.ec2.internal",
                       "containers": [{"name": "main", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/etl:{{{i % 20}}}"}]}
            }
            """)!.AsObject();
        var status = finished
            ? JsonNode.Parse($$$"""
                {"phase": "Succeeded", "startTime": "{{{Time(finishedAt - TimeSpan.FromMinutes(3))}}}",
                 "containerStatuses": [{"name": "main", "ready": false, "restartCount": 0,
                   "state": {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": "{{{Time(finishedAt - TimeSpan.FromMinutes(3))}}}", "finishedAt": "{{{Time(finishedAt)}}}"} } }]}
                """)!.AsObject()
            : new JsonObject { ["phase"] = "Running", ["startTime"] = Time(finishedAt) };
        return (pod, status);
    }

    private static JsonObject Finished(DateTimeOffset at) => new()
    {
        ["succeeded"] = 1,
        ["startTime"] = Time(at - TimeSpan.FromMinutes(3)),
        ["completionTime"] = Time(at),
        ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Complete", ["status"] = "True", ["lastTransitionTime"] = Time(at) }),
    };
}

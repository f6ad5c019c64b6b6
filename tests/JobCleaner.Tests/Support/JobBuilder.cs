using k8s;
using k8s.Models;

namespace AwsIntegrations.JobCleaner.Tests.Support;

/// <summary>Typed Jobs for the planner's tests, in the states the Job controller leaves them.</summary>
internal static class JobBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static V1Job Running(TimeSpan startedAgo) => New(status: new V1JobStatus { Active = 1, StartTime = (Now - startedAgo).UtcDateTime });

    public static V1Job Succeeded(TimeSpan finishedAgo) => New(status: new V1JobStatus
    {
        Succeeded = 1,
        StartTime = (Now - finishedAgo - TimeSpan.FromMinutes(5)).UtcDateTime,
        CompletionTime = (Now - finishedAgo).UtcDateTime,
        Conditions = [new V1JobCondition { Type = "Complete", Status = "True", LastTransitionTime = (Now - finishedAgo).UtcDateTime }],
    });

    /// <summary>As the Job controller writes it: a Failed condition and no completionTime.</summary>
    public static V1Job Failed(TimeSpan finishedAgo) => New(status: new V1JobStatus
    {
        Failed = 1,
        StartTime = (Now - finishedAgo - TimeSpan.FromMinutes(5)).UtcDateTime,
        Conditions = [new V1JobCondition { Type = "Failed", Status = "True", Reason = "BackoffLimitExceeded", LastTransitionTime = (Now - finishedAgo).UtcDateTime }],
    });

    public static V1Job New(V1JobStatus? status = null, V1JobSpec? spec = null, DateTimeOffset? created = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "report", NamespaceProperty = "batch", Uid = Guid.NewGuid().ToString(), CreationTimestamp = (created ?? Now - TimeSpan.FromDays(1)).UtcDateTime },
        Spec = spec ?? new V1JobSpec(),
        Status = status,
    };

    public static V1Job Annotated(this V1Job job, string key, string value)
    {
        (job.Metadata.Annotations ??= new Dictionary<string, string>())[key] = value;
        return job;
    }

    public static V1Job OwnedBy(this V1Job job, string kind, string apiVersion = "batch/v1")
    {
        (job.Metadata.OwnerReferences ??= []).Add(new V1OwnerReference { ApiVersion = apiVersion, Kind = kind, Name = "nightly", Uid = Guid.NewGuid().ToString(), Controller = true });
        return job;
    }
}

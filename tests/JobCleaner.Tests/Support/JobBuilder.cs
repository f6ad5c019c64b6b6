using AwsIntegrations.Kubernetes.Models;

namespace JobCleaner.Tests.Support;

/// <summary>Typed Jobs for the planner's tests, in the states the Job controller leaves them.</summary>
internal static class JobBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static Job Running(TimeSpan startedAgo) => New(status: new JobStatus { Active = 1, StartTime = Now - startedAgo });

    public static Job Succeeded(TimeSpan finishedAgo) => New(status: new JobStatus
    {
        Succeeded = 1,
        StartTime = Now - finishedAgo - TimeSpan.FromMinutes(5),
        CompletionTime = Now - finishedAgo,
        Conditions = [new Condition { Type = "Complete", Status = "True", LastTransitionTime = Now - finishedAgo }],
    });

    /// <summary>As the Job controller writes it: a Failed condition and no completionTime.</summary>
    public static Job Failed(TimeSpan finishedAgo) => New(status: new JobStatus
    {
        Failed = 1,
        StartTime = Now - finishedAgo - TimeSpan.FromMinutes(5),
        Conditions = [new Condition { Type = "Failed", Status = "True", Reason = "BackoffLimitExceeded", LastTransitionTime = Now - finishedAgo }],
    });

    public static Job New(JobStatus? status = null, JobSpec? spec = null, DateTimeOffset? created = null) => new()
    {
        Metadata = new ObjectMeta { Name = "report", Namespace = "batch", Uid = Guid.NewGuid().ToString(), CreationTimestamp = created ?? Now - TimeSpan.FromDays(1) },
        Spec = spec ?? new JobSpec(),
        Status = status,
    };

    public static Job Annotated(this Job job, string key, string value)
    {
        (job.Metadata.Annotations ??= [])[key] = value;
        return job;
    }

    public static Job OwnedBy(this Job job, string kind, string apiVersion = "batch/v1")
    {
        (job.Metadata.OwnerReferences ??= []).Add(new OwnerReference { ApiVersion = apiVersion, Kind = kind, Name = "nightly", Uid = Guid.NewGuid().ToString(), Controller = true });
        return job;
    }
}

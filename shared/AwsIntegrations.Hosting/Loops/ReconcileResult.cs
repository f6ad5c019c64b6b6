namespace AwsIntegrations.Hosting.Loops;

/// <summary>What a reconcile pass returns: success, or a failure the loop retries with backoff. Exceptions are for bugs.</summary>
public sealed record ReconcileResult(bool Succeeded, string? Error, TimeSpan? RequeueAfter)
{
    public static ReconcileResult Success(TimeSpan? requeueAfter = null) => new(true, null, requeueAfter);

    public static ReconcileResult Failure(string error, TimeSpan? requeueAfter = null) => new(false, error, requeueAfter);
}

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>The plan for one object: delete it (why, and how its pods go), or keep it (why).</summary>
public sealed record Decision(DeleteReason? Delete, SkipReason? Skip, string Detail)
{
    public bool Deletes => Delete is not null;

    /// <summary>Finished Jobs let the garbage collector remove their pods; overrunning ones wait until their pods are stopped.</summary>
    public PropagationPolicy Propagation => Delete == DeleteReason.Timeout ? PropagationPolicy.Foreground : PropagationPolicy.Background;

    public static Decision Remove(DeleteReason reason, string detail) => new(reason, null, detail);

    public static Decision Keep(SkipReason reason, string detail = "") => new(null, reason, detail);
}

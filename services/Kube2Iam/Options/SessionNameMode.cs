namespace AwsIntegrations.Kube2Iam.Options;

/// <summary>How STS session names are chosen (what CloudTrail shows as the caller).</summary>
public enum SessionNameMode
{
    /// <summary>One session per pod, named after its namespace and name: CloudTrail tells pods apart.</summary>
    Pod,

    /// <summary>
    /// kube2iam's behaviour: one session per role, shared by every pod that uses it, named as kube2iam names it
    /// (FNV-1a of the IP of the pod whose request or prefetch fetches it, '-', the role name).
    /// </summary>
    Role,
}

using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.DnsController.Sources;

/// <summary>Something the user must fix on an object (bad annotation, no zone, name owned by someone else), by the object's resource label.</summary>
public sealed record SourceProblem(string Resource, Problem Problem)
{
    public SourceProblem(string resource, string reason, string message)
        : this(resource, new Problem(reason, message))
    {
    }

    public string Reason => Problem.Reason;

    public string Message => Problem.Message;
}

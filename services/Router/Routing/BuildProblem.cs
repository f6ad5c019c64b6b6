using AwsIntegrations.Kubernetes.Models;

namespace Router.Routing;

/// <summary>Something wrong with an Ingress that the build worked around; reported as a Warning Event on it.</summary>
public sealed record BuildProblem(Ingress Ingress, string Reason, string Message)
{
    public string Key => $"{Ingress.Metadata.Namespace}/{Ingress.Metadata.Name}|{Reason}|{Message}";
}

using k8s;
using k8s.Models;

namespace AwsIntegrations.Router.Routing;

/// <summary>Something wrong with an Ingress that the build worked around; reported as a Warning Event on it.</summary>
public sealed record BuildProblem(V1Ingress Ingress, string Reason, string Message)
{
    public string Key => $"{Ingress.Metadata.NamespaceProperty}/{Ingress.Metadata.Name}|{Reason}|{Message}";
}

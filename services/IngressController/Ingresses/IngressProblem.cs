namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>Something the owner of an Ingress must act on; becomes a Warning Event on it.</summary>
public sealed record IngressProblem(string Reason, string Message);

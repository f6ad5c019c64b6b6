namespace AwsIntegrations.Kubernetes.Events;

/// <summary>
/// Something the owner of an object must act on (a bad annotation, a refusal from AWS): the reason is the Warning Event's
/// reason (UpperCamelCase, stable), the message says what is wrong and what to do.
/// </summary>
public sealed record Problem(string Reason, string Message);

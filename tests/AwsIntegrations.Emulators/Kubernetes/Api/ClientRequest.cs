namespace AwsIntegrations.Emulators.Kubernetes.Api;

/// <summary>One API request as RBAC sees it: who (User-Agent), which verb, which API group and resource.</summary>
public sealed record ClientRequest(string UserAgent, string Verb, string Group, string Resource);

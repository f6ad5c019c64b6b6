namespace AwsIntegrations.Router.Options;

/// <summary>
/// How an ImplementationSpecific Ingress path is read (skipper's -kubernetes-path-mode): kubernetes-ingress, a regular
/// expression anchored at the start (<c>^(/path)</c>); path-regexp, a regular expression as written; path-prefix, a Prefix path.
/// </summary>
public enum PathMode
{
    KubernetesIngress,
    PathRegexp,
    PathPrefix,
}

namespace Router.Routing;

/// <summary>Ingress pathType as routed: ImplementationSpecific is treated as Prefix.</summary>
public enum PathMatch
{
    Exact,
    Prefix,
}

namespace AwsIntegrations.Router.Proxy;

/// <summary>The X-Forwarded-* fields of a request that its Connection header named, so they were dropped as hop-by-hop.</summary>
[Flags]
public enum ForwardedFields
{
    None = 0,
    For = 1,
    Proto = 2,
    Host = 4,
    Port = 8,
}

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// Where an Ingress path puts its routes: Exact and Prefix paths in the path tree, an ImplementationSpecific path by the path
/// mode (a PathRegexp in kubernetes-ingress and path-regexp modes, a Prefix in path-prefix mode), and an empty
/// ImplementationSpecific path nowhere in the tree (it matches any path). <see cref="Text"/> is the path as written ("/" when empty).
/// </summary>
public readonly record struct IngressPath(PathMatch Match, string TreePath, string? Regexp, string Text);

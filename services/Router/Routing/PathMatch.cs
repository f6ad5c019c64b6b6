namespace AwsIntegrations.Router.Routing;

/// <summary>
/// Where a route sits in its host's table: an Exact path (skipper's Path), a Prefix by whole path elements (PathSubtree), or
/// None: no path-tree predicate (PathRegexp routes and Ingress paths without a path), tried after the tree.
/// </summary>
public enum PathMatch
{
    Exact,
    Prefix,
    None,
}

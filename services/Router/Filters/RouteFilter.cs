namespace AwsIntegrations.Router.Filters;

/// <summary>
/// A skipper filter: <see cref="Request"/> runs before the backend in the route's order, <see cref="Response"/> after it in
/// reverse order. A filter that answers the request itself (<see cref="FilterContext.Serve"/>) ends the request phase; only
/// the filters that ran get their response phase (skipper's proxy).
/// </summary>
public abstract class RouteFilter
{
    public virtual void Request(FilterContext context)
    {
    }

    public virtual void Response(FilterContext context)
    {
    }
}

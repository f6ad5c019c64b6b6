namespace AwsIntegrations.Router.Filters;

/// <summary>status(code): the response gets this status whatever the backend answered.</summary>
public sealed class StatusFilter(int code) : RouteFilter
{
    public override void Response(FilterContext context) => context.Response.StatusCode = code;
}

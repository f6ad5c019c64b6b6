using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// setRequestHeader, appendRequestHeader, dropRequestHeader and their response twins (filters/builtin/headerfilter.go). A
/// value whose placeholders do not all resolve is not set. Setting Host changes the Host the backend receives.
/// </summary>
public sealed class HeaderFilter(HeaderOperation operation, string name, FilterTemplate? value) : RouteFilter
{
    public override void Request(FilterContext context)
    {
        if (operation is HeaderOperation.SetRequest or HeaderOperation.AppendRequest or HeaderOperation.DropRequest)
        {
            Apply(context, context.Request.Headers);
        }
    }

    public override void Response(FilterContext context)
    {
        if (operation is HeaderOperation.SetResponse or HeaderOperation.AppendResponse or HeaderOperation.DropResponse)
        {
            Apply(context, context.Response.Headers);
        }
    }

    private void Apply(FilterContext context, IHeaderDictionary headers)
    {
        if (operation is HeaderOperation.DropRequest or HeaderOperation.DropResponse)
        {
            headers.Remove(name);
            return;
        }

        if (!value!.TryApply(context, out var text))
        {
            return;
        }

        if (operation is HeaderOperation.SetRequest or HeaderOperation.SetResponse)
        {
            headers[name] = text;
        }
        else
        {
            headers.Append(name, text);
        }
    }
}

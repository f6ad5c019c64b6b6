using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// setPath(path) replaces the path sent to the backend (unresolved placeholders become empty); modPath(/re/, replacement)
/// replaces every match in it, with $1-style groups. The query is kept.
/// </summary>
public sealed class PathFilter(FilterTemplate? replacement, Regex? pattern, string? patternReplacement) : RouteFilter
{
    public override void Request(FilterContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        string next;
        if (pattern is not null)
        {
            next = pattern.Replace(path, patternReplacement!);
        }
        else
        {
            replacement!.TryApply(context, out next);
        }

        context.Request.Path = new PathString(next.StartsWith('/') ? next : "/" + next);
    }
}

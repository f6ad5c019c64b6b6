using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// One request's pass through filter chains: the HTTP context the filters change, whether a filter answered, the body of such
/// an answer, and the response phases still owed (one frame per route, several after &lt;loopback&gt;).
/// </summary>
public sealed class FilterContext(HttpContext http)
{
    private readonly List<(RouteFilter[] Filters, int Ran)> _frames = [];

    public HttpContext Http { get; } = http;

    public HttpRequest Request => Http.Request;

    public HttpResponse Response => Http.Response;

    /// <summary>A filter answered (inlineContent, redirectTo, a rate limit): no backend is called.</summary>
    public bool Served { get; private set; }

    /// <summary>The body of an answer made here (a filter's or &lt;shunt&gt;'s), written after the response filters ran.</summary>
    public ReadOnlyMemory<byte> Body { get; private set; }

    /// <summary>True while response filters run (templates may then read response headers).</summary>
    public bool InResponse { get; private set; }

    /// <summary>How many times &lt;loopback&gt; sent this request through the table again.</summary>
    public int Loops { get; set; }

    public void Serve(int status, ReadOnlyMemory<byte> body = default, string? contentType = null)
    {
        Response.StatusCode = status;
        if (contentType is not null)
        {
            Response.ContentType = contentType;
        }

        Body = body;
        Served = true;
    }

    /// <summary>Runs a route's request filters in order until one answers; remembers which ran, for the response phase.</summary>
    public void RunRequestFilters(RouteFilter[] filters)
    {
        var ran = 0;
        foreach (var filter in filters)
        {
            filter.Request(this);
            ran++;
            if (Served)
            {
                break;
            }
        }

        _frames.Add((filters, ran));
    }

    /// <summary>The response phase: the innermost route's filters first, each route's in reverse order.</summary>
    public void RunResponseFilters()
    {
        InResponse = true;
        for (var f = _frames.Count - 1; f >= 0; f--)
        {
            var (filters, ran) = _frames[f];
            for (var i = ran - 1; i >= 0; i--)
            {
                filters[i].Response(this);
            }
        }

        _frames.Clear();
    }
}

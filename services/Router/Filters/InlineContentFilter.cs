using System.Text;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// inlineContent(text[, contentType]) answers 200 with the text; without a content type it is sniffed as Go's
/// http.DetectContentType does for text (HTML, XML, else plain text).
/// </summary>
public sealed class InlineContentFilter(string text, string? contentType) : RouteFilter
{
    private static readonly string[] HtmlStarts =
        ["<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"];

    private readonly byte[] _body = Encoding.UTF8.GetBytes(text);
    private readonly string _contentType = contentType ?? Sniff(text);

    public override void Request(FilterContext context) => context.Serve(200, _body, _contentType);

    public static string Sniff(string text)
    {
        var start = text.AsSpan().TrimStart("\t\n\f\r ");
        foreach (var html in HtmlStarts)
        {
            if (start.StartsWith(html, StringComparison.OrdinalIgnoreCase)
                && (start.Length == html.Length || start[html.Length] is ' ' or '>'))
            {
                return "text/html; charset=utf-8";
            }
        }

        return start.StartsWith("<?xml", StringComparison.Ordinal) ? "text/xml; charset=utf-8" : "text/plain; charset=utf-8";
    }
}
